"""What every notebook here starts with: the bundled corpus built into the
notebooks' own folder (``notebooks/build``, not the user's ``build/``), the
graph opened, and plots able to draw Chinese labels.

    from setup_notebook import ROOT, report, store
"""
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager
import pandas as pd

import kg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"

# Chinese labels in plots: the first CJK font the machine has. Matplotlib
# keeps a font list per user, made the first time it ran: a font installed
# after that (make test installs one) is added here from the system's folders.
CJK_FONTS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC"]
if not {f.name for f in font_manager.fontManager.ttflist} & set(CJK_FONTS):
    for path in font_manager.findSystemFonts():
        if any(key in Path(path).name.lower() for key in ("wqy", "notosanscjk", "pingfang")):
            font_manager.fontManager.addfont(path)
plt.rcParams["font.sans-serif"] = CJK_FONTS + ["DejaVu Sans"]
pd.set_option("display.max_colwidth", 80)

report = kg.build(ROOT / "corpus", BUILD)      # about two seconds on the bundled corpus
store = kg.load_graph(BUILD)
