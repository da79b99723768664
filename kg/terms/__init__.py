"""``kg terms``: frequent words of a corpus that no dictionary holds yet.

``segment`` (jieba with the project's dictionaries, titles and numbers
masked), ``candidates`` (counting and filtering the candidates).
"""
