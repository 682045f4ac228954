using System;

namespace BoardingDsl.AspNetCore.PostgreSql;

/// <summary>Where and how <see cref="PostgreSqlBoardingOrderStore"/> keeps its tables.</summary>
public sealed class PostgreSqlBoardingOrderStoreOptions
{
    /// <summary>The schema that holds the store's tables. Default <c>boarding</c>.</summary>
    public string Schema { get; set; } = "boarding";

    /// <summary>
    /// Whether the store creates its schema and tables (and applies later migrations) on first use, under an advisory
    /// lock so instances starting at once do it once. Default true. Set false when a DBA created them with
    /// <see cref="PostgreSqlBoardingOrderStore.CreateScript"/> and the application's role may not run DDL: the store then
    /// only checks the schema version and fails clearly when it is missing or old.
    /// </summary>
    public bool CreateSchema { get; set; } = true;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Schema) || Schema.Length > 63 || Schema.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("PostgreSqlBoardingOrderStoreOptions.Schema must be 1 to 63 characters, without NUL.");
        }
    }
}
