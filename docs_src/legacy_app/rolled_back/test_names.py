from .conftest import IMPORT_TIME, names_holding, report


def test_every_name_that_holds_an_import_time_object() -> None:
    names = report(names_holding(IMPORT_TIME))
    assert [name.removeprefix(f"{__package__}.") for name in names] == [  # (1)!
        "app.audit.AuditSession",
        "app.db.AuditSession",
        "app.db.SessionLocal",
        "app.db.audit_engine",
        "app.db.engine",
        "app.items.Session",  # (2)!
    ]
