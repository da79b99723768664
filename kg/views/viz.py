"""``kg viz``: an offline, interactive HTML view of the graph (pyvis / vis-network).

A view is chosen from the resource network (whole graph, the neighbourhood
of one node, or an implementation chain), laid out with networkx, and
rendered through pyvis's node and edge model into the project's own page
template, with vis-network's JavaScript and CSS inlined from the pyvis
package: the page loads nothing from the network.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from kg.relations import Relation, link_styles, of_kind

CARRYING_OUT = of_kind("carrying-out")     # links drawn heavy and named
from kg.lexicon.search import folding_spec, search_key
from kg.network.resources import KINDS, checked_kinds, restrict
from kg.datafiles import read_tsv
from kg.network.trace import find_node, flatten, trace

TEMPLATES = Path(__file__).resolve().parent / "templates"
PHYSICS_LIMIT = 300          # above this many nodes, positions are fixed
DEFAULT_MAX_NODES = 1500
EVIDENCE_EDGE_LIMIT = 2000
LEVEL_GAP, SLOT_GAP = 220, 260   # chain layout spacing in pixels


@dataclass
class View:
    graph: nx.MultiDiGraph
    title_key: str              # its title in ui_strings.tsv (view_chain, view_graph, view_neighbours) …
    layout: str                 # "spring" or "levels"
    left_out: int = 0
    selected: Optional[str] = None
    evidence_omitted: bool = False
    title_args: dict = field(default_factory=dict)     # … and what fills it

    @property
    def title(self) -> str:
        return self.title_in("zh")

    @property
    def status(self) -> str:
        return self.status_in("zh")

    def title_in(self, lang: str) -> str:
        from kg.views.site import ui_strings
        return ui_strings(lang)[self.title_key].format(**self.title_args)

    def status_in(self, lang: str) -> str:
        """How much the view shows, in ``lang`` (Chinese first, as the pages)."""
        from kg.views.site import ui_strings
        t = ui_strings(lang)
        shown = t["view_shown"].format(nodes=self.graph.number_of_nodes(), links=self.graph.number_of_edges())
        if self.left_out:
            shown += t["view_left_out"].format(n=self.left_out)
        if self.evidence_omitted:
            shown += t["view_evidence_omitted"].format(limit=EVIDENCE_EDGE_LIMIT)
        return shown


def add_view_evidence(store, view: View) -> None:
    """The sentences behind the links a view draws: all of them for a view
    of up to EVIDENCE_EDGE_LIMIT links, else those between documents only
    (which the document network carries) — fetching every agency and theme
    link's evidence costs more than drawing the view."""
    from kg.network.resources import add_evidence

    if view.graph.number_of_edges() <= EVIDENCE_EDGE_LIMIT:
        add_evidence(store, view.graph)
    else:
        view.evidence_omitted = True


def select_view(net: nx.MultiDiGraph, documents: nx.DiGraph, *, focus: Optional[str] = None, depth: int = 1,
                chain: Optional[str] = None, kinds: Optional[Iterable[str]] = None,
                max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The part of ``net`` to draw. ``documents`` is the document network
    (for chains). Raises trace.UnknownReference for an unknown REF."""
    kinds = checked_kinds(kinds)
    if chain:
        root = find_node(documents, chain)
        members = {n.iri for tree in (trace(documents, root, "down"), trace(documents, root, "up"))
                   for _, _, n in flatten(tree)}
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((n, net.nodes[n]) for n in members)
        graph.add_edges_from((s, o, k, d) for s, o, k, d in net.edges(members, keys=True, data=True)
                             if o in members and k == Relation.APPLIES)
        label = net.nodes[root]["label"]
        return View(graph, "view_chain", "levels", selected=root, title_args={"label": label})
    shown = restrict(net, kinds)
    title, title_args = "view_graph", {}
    selected = None
    if focus:
        selected = find_node(net, focus)
        shown.add_node(selected, **net.nodes[selected])
        shown.add_edges_from((s, o, k, d) for s, o, k, d in net.edges(selected, keys=True, data=True) if o in shown)
        shown.add_edges_from((s, o, k, d) for s, o, k, d in net.in_edges(selected, keys=True, data=True) if s in shown)
        near = nx.single_source_shortest_path_length(shown.to_undirected(as_view=True), selected, cutoff=depth)
        shown = shown.subgraph(near).copy()
        title, title_args = "view_neighbours", {"label": net.nodes[selected]["label"], "depth": depth}
    left_out = max(0, shown.number_of_nodes() - max_nodes)
    if left_out:
        ranked = sorted(shown.nodes, key=lambda n: (n != selected, -shown.degree(n), n))
        shown = shown.subgraph(ranked[:max_nodes]).copy()
    return View(shown, title, "spring", left_out, selected, title_args=title_args)


def positions(view: View) -> dict[str, tuple[float, float]]:
    """Fixed starting positions: by level for chains, force-directed otherwise."""
    graph = view.graph
    if view.layout == "levels":
        rows: dict[int, list[str]] = {}
        for n, data in graph.nodes(data=True):
            rows.setdefault(data.get("rank") or 9, []).append(n)
        out = {}
        for rank, members in rows.items():
            members.sort(key=lambda n: (graph.nodes[n].get("area") or "", graph.nodes[n]["label"]))
            width = (len(members) - 1) * SLOT_GAP
            for i, n in enumerate(members):
                out[n] = (i * SLOT_GAP - width / 2, float(rank * LEVEL_GAP))
        return out
    if graph.number_of_nodes() == 0:
        return {}
    scale = 90 * max(1.0, graph.number_of_nodes() ** 0.5)
    # fewer iterations on big views: a rough layout, drawn at once, beats a fine one late
    iterations = 50 if graph.number_of_nodes() <= PHYSICS_LIMIT else 25
    layout = nx.spring_layout(nx.Graph(graph), seed=7, scale=scale, iterations=iterations)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


def _styles() -> dict[tuple[str, str], dict]:
    return {(row["kind"], row["level"]): row for row in read_tsv("view_kinds.tsv")}


def _style(styles: dict, data: dict) -> dict:
    kind = data["kind"]
    if kind == "document":
        return styles.get((kind, data.get("level") or ""), styles[(kind, "")])
    return styles[(kind, "")]


# Above this many nodes an export is laid out in rings by kind instead of by
# force (spring layout is quadratic; Gephi can refine it).
SPRING_EXPORT_LIMIT = 3000


def drawing(net: nx.MultiDiGraph) -> dict[str, dict]:
    """Where and how each node of a network is drawn, for files that carry
    a drawing (GEXF, GraphML): x, y, size by degree, and the colour of its
    kind and level as in the HTML views."""
    styles = _styles()
    if net.number_of_nodes() <= SPRING_EXPORT_LIMIT:
        places = positions(View(net, "", "spring"))
    else:
        places = _rings(net)
    out = {}
    for n, data in net.nodes(data=True):
        colour = _style(styles, data)["color"].lstrip("#")
        x, y = places.get(n, (0.0, 0.0))
        out[n] = {"x": round(x, 1), "y": round(y, 1), "size": round(4 + 2 * net.degree(n) ** 0.5, 1),
                  "rgb": tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))}
    return out


def _rings(net: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Each kind on a ring of its own, nodes in name order: cheap and stable."""
    import math
    by_kind: dict[str, list[str]] = {}
    for n, data in net.nodes(data=True):
        by_kind.setdefault(data.get("kind", ""), []).append(n)
    out = {}
    for ring, kind in enumerate(sorted(by_kind), start=1):
        members = sorted(by_kind[kind])
        radius = 400.0 * ring
        for i, n in enumerate(members):
            angle = 2 * math.pi * i / len(members)
            out[n] = (radius * math.cos(angle), radius * math.sin(angle))
    return out


# the facts a node's panel lists, each labelled by ui_strings.tsv's field_KEY
FIELDS = ("kind", "number", "level", "area", "date", "file", "stub")


def _value_in(key: str, value, t: dict[str, str], lang: str) -> str:
    """A field's value in the page's language: a kind (文件), a level (国家级), a stub flag (是)."""
    if key == "kind":
        return t.get(f"kind_{value}", str(value))
    if key == "level":
        return _level_names(lang == "en").get(str(value), str(value))
    if key == "stub":
        return t["yes"] if value else t["no"]
    return str(value)


def _level_names(english: bool) -> dict[str, str]:
    """A level's English label (what the network holds) -> its label in the page's language."""
    from kg.lexicon.schemes import level_labels
    return {en: (en if english else zh) for zh, en in level_labels().values()}


def _facts(graph: nx.MultiDiGraph, t: dict[str, str], lang: str) -> dict:
    nodes = {}
    for n, data in graph.nodes(data=True):
        fields = [[t[f"field_{key}"], _value_in(key, data[key], t, lang)] for key in FIELDS
                  if data.get(key) not in (None, "", False)]
        fields.append(["IRI", n])
        written = [str(data.get(k) or "") for k in ("label", "name", "number", "area")] + data.get("short_names", [])
        text = search_key("|".join(written))
        nodes[n] = {"label": data["label"], "name": data.get("name") or data["label"], "fields": fields,
                    "search": text}
    edges = [{"from": s, "to": o, "relation": k, "basis": d.get("basis"), "rule": d.get("rule"),
              "sentences": d.get("sentences") or []}
             for s, o, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
    return {"nodes": nodes, "edges": edges}


def script_json(value) -> str:
    """JSON safe inside a <script> element whatever the text holds."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def vis_library() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as pyvis ships them, to inline."""
    folder = Path(str(__import__("pyvis").__file__)).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


def link_words(lang: str) -> dict[str, dict[str, str]]:
    """What a link's relation, basis and rule are called in the page's
    language (贯彻落实 · 文中明示 · 触发语表明贯彻落实), for its labels and side panel."""
    from kg.views.site import relation_names
    glossary = {row["term"]: row for row in read_tsv("glossary.tsv")}
    return {"relations": {rel: names[lang] for rel, names in relation_names().items()},
            "bases": {basis: glossary[basis][lang] for basis in ("stated", "inferred") if basis in glossary},
            "rules": {row["rule"]: row[lang] for row in read_tsv("rule_names.tsv")}}


def render(view: View, lang: str = "zh") -> str:
    """The HTML page of a view, Chinese first (``lang="en"`` for English)."""
    from kg.views.site import language, ui_strings
    lang = language(lang)
    t = ui_strings(lang)
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from pyvis.network import Network

    styles = _styles()
    fixed = view.layout == "levels" or view.graph.number_of_nodes() > PHYSICS_LIMIT
    net = Network(directed=True, cdn_resources="in_line")
    for n, (x, y) in sorted(positions(view).items()):
        data = view.graph.nodes[n]
        style = _style(styles, data)
        hover = "\n".join(x for x in (data.get("name"), data.get("number"), data["kind"], data.get("level"),
                                      data.get("area"), data.get("date")) if x)
        net.add_node(n, label=data["label"], title=hover, color=style["color"], shape=style["shape"],
                     font={"color": style["font"]}, x=round(x, 1), y=round(y, 1), physics=not fixed)
    words = link_words(lang)
    drawn = link_styles()
    for s, o, k, d in sorted(view.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        name = words["relations"].get(k, k)
        hover = name + (f" ({words['bases'].get(d['basis'], d['basis'])})" if d.get("basis") else "") + "".join(
            "\n“" + " ".join(t.split()) + "”" for t in d.get("sentences") or [])
        net.add_edge(s, o, title=hover, label=name if k in CARRYING_OUT else None,
                     width=drawn[k]["width"] if k in drawn else 1, dashes=d.get("basis") == "inferred")
    options = {
        "physics": {"enabled": not fixed, "stabilization": {"iterations": 150}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        # a chain's links that skip a level would run over the others: curve them
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10},
                  "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.3}
                  if view.layout == "levels" else False},
        "nodes": {"font": {"size": 12}},
    }
    nodes, edges, *_ = net.get_network_data()
    for e in edges:          # pyvis sends None as null; vis-network would print "null"
        if e.get("label") is None:
            e.pop("label", None)
    present = {(d["kind"], d.get("level") or "") if d["kind"] == "document" else (d["kind"], "")
               for _, d in view.graph.nodes(data=True)}
    # the legend in the page's language: 文件 · 国家级
    levels = _level_names(lang == "en")
    legend = [{**row, "label": t.get(f"kind_{key[0]}", key[0]) + (" · " + levels.get(key[1], key[1]) if key[1] else "")}
              for key, row in styles.items() if key in present]
    vis_js, vis_css = vis_library()
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("network.html").render(
        t=t, lang=lang, text_json=script_json({**{k: t[k] for k in ("view_chain_up", "view_links_from", "view_links_to")},
                                               **words}),
        title=view.title_in(lang), status=view.status_in(lang), legend=legend, vis_js=vis_js, vis_css=vis_css,
        nodes_json=script_json(nodes), edges_json=script_json(edges), facts_json=script_json(_facts(view.graph, t, lang)),
        folding_json=script_json(folding_spec()), link_styles_json=script_json(link_styles()),
        options_json=script_json(options),
        selected=script_json(view.selected) if view.selected else None)


def write_view(store, out: Path, documents: Optional[nx.DiGraph] = None, lang: str = "zh", **view_options) -> View:
    """Render a view of the graph in ``store`` to ``out`` (written atomically).
    ``documents`` is the document network when the caller has it;
    ``view_options`` are those of ``select_view``."""
    from kg.network.documents import to_networkx
    from kg.network.resources import to_resource_network
    from kg.rdf.trig import atomic_write

    documents = documents if documents is not None else to_networkx(store)
    kinds = view_options.get("kinds") or KINDS
    net = to_resource_network(store, documents, evidence=False, kinds=kinds)
    view = select_view(net, documents, **view_options)
    add_view_evidence(store, view)
    atomic_write(Path(out), render(view, lang).encode("utf-8"))
    return view


def inline(view: View, height: int = 600, lang: str = "zh"):
    """The view for a Jupyter cell: the page in an iframe's ``srcdoc``, so it
    stays offline and self-contained in the notebook."""
    import html

    from IPython.display import HTML

    page = html.escape(render(view, lang), quote=True)
    return HTML(f'<div><iframe srcdoc="{page}" style="width:100%;height:{height}px;border:1px solid #ccc">'
                '</iframe></div>')
