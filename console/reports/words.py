"""The report's language: an exported report may be in another language than the screen (an
English report from a Chinese desk). Words(language) is a translate(context, source) callable
like QCoreApplication.translate, usable on any thread.

language None or "": the app's installed translators (QCoreApplication.translate); "en": the
English sources; another code: LiveDesk's translation for it, loaded on its own, with the
English source where it has none. `locale` is what the report writes numbers and dates in
(console/reports/format.py): the app's default with the app's translators, else the language's
as the app would set it (i18n.format_locale: a British desk's English report keeps day/month,
its Chinese one writes as zh_CN)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from console import i18n


class Words:
    def __init__(self, language: str | None = None):
        self.language = language or ""
        self._translator: QTranslator | None = None
        self.locale = i18n.format_locale(self.language) if self.language else QLocale()
        if self.language and self.language != "en":
            qm = i18n.compiled_qm(self.language)
            translator = QTranslator()
            if qm is not None and translator.load(str(qm)):
                self._translator = translator

    def __call__(self, context: str, text: str) -> str:
        if not self.language:
            return QCoreApplication.translate(context, text)
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text
