namespace MotCua.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>MotCua:Database</c> section (env: <c>MotCua__Database__Provider</c>, <c>MotCua__Database__ConnectionString</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "MotCua:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to <c>data/motcua.db</c> under the working directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Optional: a read replica of the same database (PostgreSQL streaming replica) that reports and public statistics
    /// read from (<see cref="ReportingDb"/>); empty means they read the primary.
    /// </summary>
    public string? ReadReplicaConnectionString { get; set; }
}
