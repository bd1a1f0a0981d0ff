"""`livedesk catalog import|export`: the catalog from the command line, for operations staff
preparing shows in batch. Same parser and messages as the GUI, in the user's language.

Exit codes: 0 everything done; 2 bad input (the file, its rows, the arguments): nothing
written; 1 anything else (the database, the disk).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from console import i18n
from console.core.catalog import validate_rows
from console.ingest.catalog_export import write_products
from console.ingest.catalog_file import CatalogFileError, read_catalog
from console.logsetup import tolerant_console
from console.settings import Settings
from console.store.db import NewerDatabaseError, default_path, open_db
from console.store.products import import_products, list_products
from console.ui import catalog_messages as msg

translate = QCoreApplication.translate


def main(argv: list[str]) -> int:
    tolerant_console()
    pre = argparse.ArgumentParser(prog="livedesk catalog", add_help=False)
    pre.add_argument("--lang", choices=i18n.LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    translator = _install_translator(app, known.lang)
    try:
        args = _parser().parse_args(argv)
        return args.run(args)
    except KeyboardInterrupt:
        _err(translate("CatalogCli", "Interrupted: nothing was changed."))
        return 130
    finally:
        if translator:
            app.removeTranslator(translator)


def _install_translator(app: QCoreApplication, lang: str | None) -> QTranslator | None:
    language = i18n.choose_language(lang or Settings.load().language)
    if language == "en":
        return None
    translator = QTranslator(app)
    qm = i18n.compiled_qm(language)
    if not (qm and translator.load(str(qm))):
        return None
    app.installTranslator(translator)
    return translator


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="livedesk catalog",
        description=translate("CatalogCli", "Import or export the product catalog."),
    )
    sub = p.add_subparsers(required=True, metavar="import|export")
    imp = sub.add_parser(
        "import", help=translate("CatalogCli", "add products from a .csv or .xlsx file")
    )
    imp.add_argument(
        "file", type=Path, metavar="FILE", help=translate("CatalogCli", "the catalog file")
    )
    imp.add_argument(
        "--on-duplicate",
        choices=("skip", "update"),
        default="skip",
        help=translate(
            "CatalogCli", "a SKU already in the catalog: keep it (skip, default) or update it"
        ),
    )
    imp.set_defaults(run=_import)
    exp = sub.add_parser(
        "export", help=translate("CatalogCli", "write the catalog to a .csv or .xlsx file")
    )
    exp.add_argument(
        "file", type=Path, metavar="FILE", help=translate("CatalogCli", "the file to write")
    )
    exp.set_defaults(run=_export)
    for command in (imp, exp):
        command.add_argument(
            "--db",
            type=Path,
            metavar="PATH",
            help=translate("CatalogCli", "the show database file"),
        )
        command.add_argument(
            "--lang", choices=i18n.LANGUAGES, help=translate("CatalogCli", "language")
        )
    return p


def _import(args: argparse.Namespace) -> int:
    try:
        table = read_catalog(args.file)
    except CatalogFileError as e:
        _err(_cannot_read(args.file, e))
        return 2
    products, errors = validate_rows(table.header, table.rows, table.header_line)
    if errors:
        for error in errors:
            _err(msg.row_error(error))
        _err(
            translate(
                "CatalogCli",
                "Nothing was imported. Problems found in {file}: {count}. "
                "Fix them and import the file again.",
            ).format(count=len(errors), file=args.file)
        )
        return 2
    db = _open(args.db)
    if db is None:
        return 1
    try:
        result = import_products(db, products, args.on_duplicate)
    except sqlite3.Error as e:
        _err(
            translate(
                "CatalogCli", "The database refused the import ({error}); nothing was imported."
            ).format(error=e)
        )
        return 1
    finally:
        db.close()
    for outcome in result.duplicates:
        _out(msg.duplicate_outcome(outcome))
    _out(msg.import_summary(result))
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() not in (".csv", ".xlsx"):
        _err(_cannot_write(args.file, CatalogFileError("unsupported_format", args.file.suffix)))
        return 2
    path = args.db or default_path()
    if not path.exists():  # exporting must not create an empty database as a side effect
        _err(translate("CatalogCli", "There is no show database at {path}.").format(path=path))
        return 2
    db = _open(path)
    if db is None:
        return 1
    try:
        products = list_products(db)
    finally:
        db.close()
    try:
        write_products(args.file, products)
    except CatalogFileError as e:
        _err(_cannot_write(args.file, e))
        return 1
    _out(
        translate("CatalogCli", "Products exported to {file}: {count}").format(
            file=args.file, count=len(products)
        )
    )
    return 0


def _open(path: Path | None):
    try:
        return open_db(path)
    except NewerDatabaseError as e:
        _err(
            translate(
                "CatalogCli",
                "The show database {path} was written by a newer LiveDesk and is left "
                "untouched. Please update LiveDesk.",
            ).format(path=e.path)
        )
    except Exception as e:  # damaged, locked, unreadable: the user can only be told
        _err(
            translate("CatalogCli", "Cannot open the show database {path} ({error}).").format(
                path=path or default_path(), error=e
            )
        )
    return None


def _cannot_read(file: Path, error: CatalogFileError) -> str:
    return translate("CatalogCli", "Cannot import {file}: {reason}").format(
        file=file, reason=msg.file_error(error)
    )


def _cannot_write(file: Path, error: CatalogFileError) -> str:
    return translate("CatalogCli", "Cannot export to {file}: {reason}").format(
        file=file, reason=msg.file_error(error)
    )


def _out(text: str) -> None:
    if sys.stdout is not None:  # None under a Windows GUI launcher with no console
        sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")
