"""Questions written in Chinese or Japanese (or mixing them with English): the setting words the rules read, said in
English, and Latin names and numbers glued to CJK characters set apart, so "请问Sam3最低要求多少显存" is read like
"请问 Sam3 minimum 要求 how much vram" — the model name found at a word boundary, the memory asked about seen as
memory, a laptop as a laptop.

Pure text rewriting with a short glossary of the words that carry a GPU question's settings (memory, graphics
card, laptop, training, fine-tuning, inference, out of memory, how much, minimum, enough, why, how); everything
else is left as written.
"""

from __future__ import annotations

import re

__all__ = ["plain_cjk"]

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# a Latin letter or digit glued to a CJK character, either side: a boundary goes between them
_GLUED = re.compile(rf"(?<=[{_CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{_CJK}])")

# longest first where one contains another ("爆显存" before "显存", "笔记本电脑" before "笔记本")
_GLOSSARY = (
    (r"爆显存|显存不足|显存不够|顯存不足|顯存不夠|显存溢出|メモリ不足|VRAM不足", "out of memory"),
    (r"显存|顯存|視訊記憶體|ビデオメモリ", "vram"),
    (r"显卡|顯卡|顯示卡|グラボ|グラフィックボード|グラフィックカード", "graphics card"),
    (r"笔记本电脑|笔记本|筆記型電腦|筆記本電腦|筆電|ノートパソコン|ノートPC", "laptop"),
    (r"预训练模型|預訓練模型|学習済みモデル|学習済み", "pretrained model"),
    (r"训练|訓練|トレーニング|学習", "training"),
    (r"微调|微調|ファインチューニング", "finetuning"),
    (r"推理|推論", "inference"),
    (r"最低|最小", "minimum"),
    (r"多少|どれくらい|どのくらい", "how much"),
    (r"够不够|夠不夠|够吗|夠嗎|足够吗|足夠嗎|足りますか|十分ですか", "enough?"),
    # the open questions: "为啥运行老是报错" asks why, "怎么减少显存" how
    (r"为什么|为啥|為什麼|為何|なぜ|どうして", ", why"),
    (r"怎么办|怎么|怎樣|怎麼|如何|どうすれば|どうやって", ", how"),
)
_WORDS = [(re.compile(pattern), f" {english} ") for pattern, english in _GLOSSARY]
_ANY_CJK = re.compile(f"[{_CJK}]")
_SPACES = re.compile(r"[ \t]{2,}")


def plain_cjk(text: str) -> str:
    """``text`` with its Chinese / Japanese setting words in English and Latin words set apart from CJK text;
    text without CJK characters is returned unchanged."""
    if not _ANY_CJK.search(text):
        return text
    for pattern, english in _WORDS:
        text = pattern.sub(english, text)
    return _SPACES.sub(" ", _GLUED.sub(" ", text)).strip()
