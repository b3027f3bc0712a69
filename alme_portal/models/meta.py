"""Facts about the database itself (for example that it holds the demo data set)."""

from sqlmodel import Field, SQLModel


class AppMeta(SQLModel, table=True):
    """A key/value fact about this database."""

    __tablename__ = "app_meta"

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=200)
