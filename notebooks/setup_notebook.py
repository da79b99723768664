"""What every notebook here starts with: the bundled corpus built into the
notebooks' own folder (``notebooks/build``, not the user's ``build/``), the
graph opened, and plots able to draw Chinese labels.

    from setup_notebook import ROOT, report, store
"""
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import kg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"

# Chinese labels in plots: the first CJK font the machine has.
plt.rcParams["font.sans-serif"] = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "DejaVu Sans"]
pd.set_option("display.max_colwidth", 80)

report = kg.build(ROOT / "corpus", BUILD)      # about two seconds on the bundled corpus
store = kg.load_graph(BUILD)
