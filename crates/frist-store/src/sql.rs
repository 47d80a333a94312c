//! One SQL text for both backends: a connection of either kind, the values a statement binds,
//! and the codec for JSON columns.
//!
//! Statements are written once with `$1`-style parameters, which SQLite accepts as PostgreSQL
//! does, and run on [`Conn`], which is either backend's connection. Binding goes through [`Arg`]
//! so that a shared function names no database type; rows come back through `sqlx::FromRow`,
//! which the record types derive for both. Only where the engines really differ (the SQLite
//! writer, PostgreSQL's row locks, multi-row inserts) does a backend keep SQL of its own.

use serde_json::value::RawValue;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgRow, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentValue, SqliteRow, SqliteTypeInfo, SqliteValueRef};
use sqlx::types::Json;
use sqlx::{Decode, Encode, FromRow, PgConnection, Postgres, Sqlite, SqliteConnection, Type};
use std::borrow::Cow;

/// A connection of either backend, borrowed for one operation.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl<'c> From<&'c mut SqliteConnection> for Conn<'c> {
    fn from(conn: &'c mut SqliteConnection) -> Self {
        Self::Sqlite(conn)
    }
}

impl<'c> From<&'c mut PgConnection> for Conn<'c> {
    fn from(conn: &'c mut PgConnection) -> Self {
        Self::Postgres(conn)
    }
}

impl Conn<'_> {
    /// The same connection, borrowed again (for the next statement of an operation).
    pub(crate) fn re(&mut self) -> Conn<'_> {
        match self {
            Self::Sqlite(c) => Conn::Sqlite(c),
            Self::Postgres(c) => Conn::Postgres(c),
        }
    }

    /// `sqlite` or `postgres`, whichever this connection is: for the few statements whose
    /// text differs (row locks, array parameters).
    pub(crate) fn pick(&self, sqlite: &'static str, postgres: &'static str) -> &'static str {
        match self {
            Self::Sqlite(_) => sqlite,
            Self::Postgres(_) => postgres,
        }
    }
}

/// A value bound to a statement.
#[derive(Debug, Clone)]
pub(crate) enum Arg<'a> {
    I16(i16),
    I32(i32),
    I64(Option<i64>),
    Bool(bool),
    Text(Option<&'a str>),
    Owned(Option<String>),
    Json(JsonText<'a>),
    Bytes(&'a [u8]),
}

macro_rules! arg_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => {
        $(impl<'a> From<$t> for Arg<'a> {
            fn from($v: $t) -> Self {
                $e
            }
        })*
    };
}

arg_from! {
    i16 => |v| Arg::I16(v);
    i32 => |v| Arg::I32(v);
    i64 => |v| Arg::I64(Some(v));
    Option<i64> => |v| Arg::I64(v);
    bool => |v| Arg::Bool(v);
    &'a str => |v| Arg::Text(Some(v));
    &'a String => |v| Arg::Text(Some(v.as_str()));
    Option<&'a str> => |v| Arg::Text(v);
    &'a Option<String> => |v| Arg::Text(v.as_deref());
    String => |v| Arg::Owned(Some(v));
    Option<String> => |v| Arg::Owned(v);
    JsonText<'a> => |v| Arg::Json(v);
    &'a [u8] => |v| Arg::Bytes(v);
    &'a Vec<u8> => |v| Arg::Bytes(v.as_slice());
}

/// A statement with its values, run on either backend.
#[derive(Debug, Clone)]
pub(crate) struct Query<'a> {
    sql: Cow<'static, str>,
    args: Vec<Arg<'a>>,
}

pub(crate) fn query<'a>(sql: impl Into<Cow<'static, str>>) -> Query<'a> {
    Query {
        sql: sql.into(),
        args: Vec::new(),
    }
}

/// Rows both backends can decode.
pub(crate) trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<'a> Query<'a> {
    pub(crate) fn bind(mut self, value: impl Into<Arg<'a>>) -> Self {
        self.args.push(value.into());
        self
    }

    fn sqlite(&self) -> sqlx::query::Query<'_, Sqlite, sqlx::sqlite::SqliteArguments<'_>> {
        let mut q = sqlx::query(&self.sql);
        for arg in &self.args {
            q = match arg {
                Arg::I16(v) => q.bind(*v),
                Arg::I32(v) => q.bind(*v),
                Arg::I64(v) => q.bind(*v),
                Arg::Bool(v) => q.bind(*v),
                Arg::Text(v) => q.bind(*v),
                Arg::Owned(v) => q.bind(v.as_deref()),
                Arg::Json(v) => q.bind(v.clone()),
                Arg::Bytes(v) => q.bind(*v),
            };
        }
        q
    }

    fn postgres(&self) -> sqlx::query::Query<'_, Postgres, sqlx::postgres::PgArguments> {
        let mut q = sqlx::query(&self.sql);
        for arg in &self.args {
            q = match arg {
                Arg::I16(v) => q.bind(*v),
                Arg::I32(v) => q.bind(*v),
                Arg::I64(v) => q.bind(*v),
                Arg::Bool(v) => q.bind(*v),
                Arg::Text(v) => q.bind(*v),
                Arg::Owned(v) => q.bind(v.as_deref()),
                Arg::Json(v) => q.bind(v.clone()),
                Arg::Bytes(v) => q.bind(*v),
            };
        }
        q
    }

    /// Runs the statement; returns the number of rows it changed.
    pub(crate) async fn execute(&self, conn: Conn<'_>) -> Result<u64, sqlx::Error> {
        Ok(match conn {
            Conn::Sqlite(c) => self.sqlite().execute(c).await?.rows_affected(),
            Conn::Postgres(c) => self.postgres().execute(c).await?.rows_affected(),
        })
    }

    pub(crate) async fn fetch_all<T: Record>(&self, conn: Conn<'_>) -> Result<Vec<T>, sqlx::Error> {
        match conn {
            Conn::Sqlite(c) => {
                let rows = self.sqlite().fetch_all(c).await?;
                rows.iter().map(T::from_row).collect()
            }
            Conn::Postgres(c) => {
                let rows = self.postgres().fetch_all(c).await?;
                rows.iter().map(T::from_row).collect()
            }
        }
    }

    pub(crate) async fn fetch_optional<T: Record>(
        &self,
        conn: Conn<'_>,
    ) -> Result<Option<T>, sqlx::Error> {
        match conn {
            Conn::Sqlite(c) => self
                .sqlite()
                .fetch_optional(c)
                .await?
                .as_ref()
                .map(T::from_row)
                .transpose(),
            Conn::Postgres(c) => self
                .postgres()
                .fetch_optional(c)
                .await?
                .as_ref()
                .map(T::from_row)
                .transpose(),
        }
    }

    /// The one row, or `sqlx::Error::RowNotFound` (which the store answers as "not found").
    pub(crate) async fn fetch_one<T: Record>(&self, conn: Conn<'_>) -> Result<T, sqlx::Error> {
        self.fetch_optional(conn)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
    }

    /// The first column of the one row.
    pub(crate) async fn scalar<T>(&self, conn: Conn<'_>) -> Result<T, sqlx::Error>
    where
        (T,): Record,
    {
        Ok(self.fetch_one::<(T,)>(conn).await?.0)
    }

    /// The first column of every row.
    pub(crate) async fn scalars<T>(&self, conn: Conn<'_>) -> Result<Vec<T>, sqlx::Error>
    where
        (T,): Record,
    {
        Ok(self
            .fetch_all::<(T,)>(conn)
            .await?
            .into_iter()
            .map(|(v,)| v)
            .collect())
    }
}

/// JSON as stored: `TEXT` in SQLite, `jsonb` in PostgreSQL, always serde's text on our side.
/// Writing borrows the text; reading owns it ([`JsonText::owned`]).
#[derive(Debug, Clone)]
pub(crate) struct JsonText<'a>(pub Cow<'a, str>);

impl<'a> JsonText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self(Cow::Borrowed(text))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// A JSON column read back.
pub(crate) type JsonColumn = JsonText<'static>;

impl Type<Sqlite> for JsonText<'_> {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for JsonText<'q> {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        match &self.0 {
            Cow::Borrowed(text) => <&'q str as Encode<'q, Sqlite>>::encode(*text, buf),
            Cow::Owned(text) => <String as Encode<'q, Sqlite>>::encode(text.clone(), buf),
        }
    }
}

impl<'r> Decode<'r, Sqlite> for JsonText<'static> {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Self(Cow::Owned(<String as Decode<'r, Sqlite>>::decode(
            value,
        )?)))
    }
}

impl Type<Postgres> for JsonText<'_> {
    fn type_info() -> PgTypeInfo {
        <Json<()> as Type<Postgres>>::type_info()
    }
    fn compatible(ty: &PgTypeInfo) -> bool {
        <Json<()> as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for JsonText<'_> {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        // jsonb's binary form: a version byte, then the text.
        buf.push(1);
        buf.extend_from_slice(self.0.as_bytes());
        Ok(IsNull::No)
    }
}

impl<'r> Decode<'r, Postgres> for JsonText<'static> {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let Json(raw) = <Json<Box<RawValue>> as Decode<'r, Postgres>>::decode(value)?;
        Ok(Self(Cow::Owned(String::from(raw.get()))))
    }
}

/// Runs a query built by a `QueryBuilder` function generic over the database (the queue, the
/// search, the workload) on either backend's connection, and decodes its rows.
macro_rules! fetch_built {
    ($conn:expr, $build:ident ( $($arg:expr),* $(,)? )) => {
        match $conn {
            $crate::sql::Conn::Sqlite(c) => {
                $build::<sqlx::Sqlite>($($arg),*).build_query_as().fetch_all(&mut **c).await
            }
            $crate::sql::Conn::Postgres(c) => {
                $build::<sqlx::Postgres>($($arg),*).build_query_as().fetch_all(&mut **c).await
            }
        }
    };
}
pub(crate) use fetch_built;
