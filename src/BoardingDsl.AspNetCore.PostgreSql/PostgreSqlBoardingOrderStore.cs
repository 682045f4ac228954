using System;
using System.Linq;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace BoardingDsl.AspNetCore.PostgreSql;

/// <summary>
/// The store for several receiver instances behind a load balancer: one PostgreSQL database they all share. Any
/// instance may take any callback; claims use <c>FOR UPDATE SKIP LOCKED</c>, every time is the database's
/// <c>now()</c> (the instances' clocks may differ), and every write of a lease's work is fenced by its token.
/// </summary>
/// <remarks>
/// The schema (default <c>boarding</c>) and its tables are created on first use, or by a DBA beforehand with
/// <see cref="CreateScript"/>; <c>docs/receiver-stores.md</c> describes them.
/// </remarks>
public sealed class PostgreSqlBoardingOrderStore : IBoardingOrderStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this code needs (the highest row of <c>schema_version</c>).</summary>
    public const int SchemaVersion = 1;

    // Migrations[i] brings the schema from version i to i + 1; "{s}" is the quoted schema name. Never edit a shipped one: add.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE {s}.orders (
          external_reference        text COLLATE "C" NOT NULL PRIMARY KEY,
          order_id                  text        NOT NULL,
          tracked_at                timestamptz NOT NULL DEFAULT now(),
          last_status               text        NULL,
          is_final                  boolean     NOT NULL DEFAULT false,
          last_observed             text        NULL,
          is_final_observed         boolean     NOT NULL DEFAULT false,
          sequence                  bigint      NOT NULL DEFAULT 0,
          due_at                    timestamptz NULL,
          lease_owner               text        NULL,
          lease_until               timestamptz NULL,
          token                     bigint      NOT NULL DEFAULT 0,
          refresh_requests          bigint      NOT NULL DEFAULT 0,
          refresh_requests_at_claim bigint      NOT NULL DEFAULT 0,
          refresh_requests_handled  bigint      NOT NULL DEFAULT 0,
          failed_attempts           integer     NOT NULL DEFAULT 0,
          parked_reason             text        NULL
        );
        CREATE INDEX orders_due ON {s}.orders (due_at, external_reference) WHERE parked_reason IS NULL AND due_at IS NOT NULL;
        CREATE TABLE {s}.statuses (
          external_reference text COLLATE "C" NOT NULL REFERENCES {s}.orders (external_reference) ON DELETE CASCADE,
          sequence           bigint      NOT NULL,
          status             text        NOT NULL,
          payload            text        NOT NULL,
          is_final           boolean     NOT NULL,
          source             text        NOT NULL,
          observed_at        timestamptz NOT NULL,
          PRIMARY KEY (external_reference, sequence)
        );
        """,
    ];

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlBoardingOrderStoreOptions _options;
    private readonly string _s;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;

    /// <summary>A store on <paramref name="connectionString"/>, in the schema <c>boarding</c>.</summary>
    public PostgreSqlBoardingOrderStore(string connectionString)
        : this(connectionString, new PostgreSqlBoardingOrderStoreOptions())
    {
    }

    /// <summary>A store on <paramref name="connectionString"/> (its own connection pool, closed when the store is disposed).</summary>
    public PostgreSqlBoardingOrderStore(string connectionString, PostgreSqlBoardingOrderStoreOptions options)
        : this(NpgsqlDataSource.Create(ArgumentNullOrEmpty(connectionString)), options, ownsDataSource: true)
    {
    }

    /// <summary>A store on <paramref name="dataSource"/> (yours: the store does not dispose it).</summary>
    public PostgreSqlBoardingOrderStore(NpgsqlDataSource dataSource, PostgreSqlBoardingOrderStoreOptions? options = null)
        : this(dataSource, options ?? new PostgreSqlBoardingOrderStoreOptions(), ownsDataSource: false)
    {
    }

    private PostgreSqlBoardingOrderStore(NpgsqlDataSource dataSource, PostgreSqlBoardingOrderStoreOptions options, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = new PostgreSqlBoardingOrderStoreOptions { Schema = options.Schema, CreateSchema = options.CreateSchema };
        _s = QuoteIdentifier(options.Schema);
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema => _options.Schema;

    /// <summary>
    /// The SQL that creates <paramref name="schema"/> and every table at <see cref="SchemaVersion"/>, for a DBA to run
    /// instead of letting the store do it (then set <see cref="PostgreSqlBoardingOrderStoreOptions.CreateSchema"/> false
    /// and grant the application's role SELECT, INSERT, UPDATE, DELETE on the tables and USAGE on the schema).
    /// </summary>
    public static string CreateScript(string schema = "boarding")
    {
        new PostgreSqlBoardingOrderStoreOptions { Schema = schema }.Validate();
        var s = QuoteIdentifier(schema);
        var script = new StringBuilder();
        script.Append("BEGIN;\n");
        script.Append(SchemaVersionTable(s)).Append('\n');
        for (var i = 0; i < Migrations.Length; i++)
        {
            script.Append(Migrations[i].Replace("{s}", s, StringComparison.Ordinal)).Append('\n');
            script.Append("INSERT INTO ").Append(s).Append(".schema_version (version) VALUES (").Append(i + 1).Append(");\n");
        }

        script.Append("COMMIT;\n");
        return script.ToString();
    }

    /// <inheritdoc />
    public async ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalReference);
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (externalReference.Contains('\0', StringComparison.Ordinal) || orderId.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("PostgreSQL text cannot hold NUL characters: such a reference or order id cannot be tracked.");
        }

        await using var command = await CommandAsync($"""
            INSERT INTO {_s}.orders (external_reference, order_id, tracked_at, due_at) VALUES (@ref, @order, now(), now())
            ON CONFLICT (external_reference) DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        Text(command, "ref", externalReference);
        Text(command, "order", orderId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);
        if (Untrackable(externalReference))
        {
            return null;
        }

        var found = await ReadOrdersAsync($"SELECT {OrderColumns} FROM {_s}.orders o WHERE o.external_reference = @ref", externalReference, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default) =>
        await ReadOrdersAsync($"""
            SELECT {OrderColumns} FROM {_s}.orders o
            WHERE NOT o.is_final OR EXISTS (SELECT 1 FROM {_s}.statuses st WHERE st.external_reference = o.external_reference)
            ORDER BY o.tracked_at, o.external_reference
            """, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TrackedOrder>> GetParkedAsync(CancellationToken cancellationToken = default) =>
        await ReadOrdersAsync($"""
            SELECT {OrderColumns} FROM {_s}.orders o WHERE o.parked_reason IS NOT NULL ORDER BY o.tracked_at, o.external_reference
            """, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<bool> UnparkAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);
        if (Untrackable(externalReference))
        {
            return false;
        }

        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders SET parked_reason = NULL, failed_attempts = 0, due_at = now()
            WHERE external_reference = @ref AND parked_reason IS NOT NULL
            """, cancellationToken).ConfigureAwait(false);
        Text(command, "ref", externalReference);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);
        if (Untrackable(externalReference))
        {
            return false; // anyone can call the callback URL: a NUL in it is not tracked, not an error
        }

        // One statement: counts the callback (unless the final status was seen) and makes the order due now at the latest.
        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders SET
              refresh_requests = refresh_requests + CASE WHEN is_final_observed THEN 0 ELSE 1 END,
              due_at = CASE WHEN NOT is_final_observed AND (due_at IS NULL OR due_at > now()) THEN now() ELSE due_at END
            WHERE external_reference = @ref
            """, cancellationToken).ConfigureAwait(false);
        Text(command, "ref", externalReference);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyCollection<string>> RequestRefreshAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReferences);
        var references = externalReferences.Where(r => !Untrackable(r)).Distinct(StringComparer.Ordinal).ToArray();
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (references.Length == 0)
        {
            return known;
        }

        // One statement, one commit, for every callback that arrived together. (A reference called twice in the batch
        // counts once: both callbacks are answered by the same next fetch.)
        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders SET
              refresh_requests = refresh_requests + CASE WHEN is_final_observed THEN 0 ELSE 1 END,
              due_at = CASE WHEN NOT is_final_observed AND (due_at IS NULL OR due_at > now()) THEN now() ELSE due_at END
            WHERE external_reference = ANY(@refs)
            RETURNING external_reference
            """, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter("refs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = references });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }

    /// <inheritdoc />
    public async ValueTask RenewAsync(OrderLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders SET lease_until = now() + @duration
            WHERE external_reference = @ref AND token = @token AND lease_owner IS NOT NULL
            """, cancellationToken).ConfigureAwait(false);
        Text(command, "ref", lease.ExternalReference);
        Long(command, "token", lease.Token);
        command.Parameters.Add(new NpgsqlParameter("duration", NpgsqlDbType.Interval) { Value = duration });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new BoardingLeaseLostException(lease.ExternalReference, lease.Token);
        }
    }

    /// <inheritdoc />
    public async ValueTask MakeAllOpenDueAsync(CancellationToken cancellationToken = default)
    {
        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders o SET due_at = now()
            WHERE (NOT o.is_final OR EXISTS (SELECT 1 FROM {_s}.statuses st WHERE st.external_reference = o.external_reference))
              AND o.parked_reason IS NULL
              AND (o.lease_owner IS NULL OR o.lease_until <= now())
            """, cancellationToken).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int max, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0)
        {
            return Array.Empty<OrderLease>();
        }

        // SKIP LOCKED: instances claiming at once take different orders instead of waiting for each other; a row whose
        // lock was skipped is another instance's claim (or a write of its lease) in flight.
        await using var command = await CommandAsync($"""
            WITH due AS (
              SELECT external_reference FROM {_s}.orders
              WHERE parked_reason IS NULL AND due_at <= now() AND (lease_owner IS NULL OR lease_until <= now())
              ORDER BY due_at, external_reference
              LIMIT @max
              FOR UPDATE SKIP LOCKED),
            claimed AS (
              UPDATE {_s}.orders o
              SET token = o.token + 1, lease_owner = @owner, lease_until = now() + @duration, refresh_requests_at_claim = o.refresh_requests
              FROM due WHERE o.external_reference = due.external_reference
              RETURNING o.external_reference, o.order_id, o.token, o.last_observed, o.is_final_observed, o.failed_attempts,
                        o.refresh_requests > o.refresh_requests_handled AS refresh_requested, o.due_at)
            SELECT c.external_reference, c.order_id, c.token, c.last_observed, c.is_final_observed, c.failed_attempts, c.refresh_requested,
                   h.sequence, h.status, h.payload, h.is_final, h.source, h.observed_at
            FROM claimed c
            LEFT JOIN LATERAL (
              SELECT st.sequence, st.status, st.payload, st.is_final, st.source, st.observed_at FROM {_s}.statuses st
              WHERE st.external_reference = c.external_reference ORDER BY st.sequence LIMIT 1) h ON true
            ORDER BY c.due_at, c.external_reference
            """, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter("max", NpgsqlDbType.Integer) { Value = max });
        Text(command, "owner", owner);
        command.Parameters.Add(new NpgsqlParameter("duration", NpgsqlDbType.Interval) { Value = duration });
        var leases = new List<OrderLease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new OrderLease(reader.GetString(0), reader.GetString(1), owner, reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetBoolean(4), reader.GetInt32(5), reader.GetBoolean(6), reader.IsDBNull(7) ? null : ReadStatus(reader, 7)));
        }

        return leases;
    }

    /// <inheritdoc />
    public async ValueTask<PendingStatus?> RecordObservedAsync(OrderLease lease, string status, string payload, bool isFinal, BoardingNotificationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(payload);

        // One round trip, one implicit transaction: the fenced write, then the head of the queue as it now is.
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = _dataSource.CreateBatch();
        var write = new NpgsqlBatchCommand($"""
            WITH cur AS (
              SELECT external_reference, (NOT is_final_observed AND last_observed IS DISTINCT FROM @status) AS append
              FROM {_s}.orders WHERE external_reference = @ref AND token = @token AND lease_owner IS NOT NULL
              FOR UPDATE),
            upd AS (
              UPDATE {_s}.orders o SET
                sequence = o.sequence + CASE WHEN cur.append THEN 1 ELSE 0 END,
                last_observed = CASE WHEN cur.append THEN @status ELSE o.last_observed END,
                is_final_observed = CASE WHEN cur.append THEN @final ELSE o.is_final_observed END,
                refresh_requests_handled = o.refresh_requests_at_claim
              FROM cur WHERE o.external_reference = cur.external_reference AND o.token = @token
              RETURNING o.external_reference, o.sequence, cur.append),
            ins AS (
              INSERT INTO {_s}.statuses (external_reference, sequence, status, payload, is_final, source, observed_at)
              SELECT external_reference, sequence, @status, @payload, @final, @source, now() FROM upd WHERE append
              RETURNING 1)
            SELECT count(*) FROM upd
            """);
        Text(write, "ref", lease.ExternalReference);
        Long(write, "token", lease.Token);
        Text(write, "status", status);
        Text(write, "payload", payload);
        write.Parameters.Add(new NpgsqlParameter("final", NpgsqlDbType.Boolean) { Value = isFinal });
        Text(write, "source", source.ToString());
        batch.BatchCommands.Add(write);
        batch.BatchCommands.Add(HeadCommand(lease.ExternalReference));
        return await FencedAsync(batch, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<PendingStatus?> MarkDeliveredAsync(OrderLease lease, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = _dataSource.CreateBatch();
        var write = new NpgsqlBatchCommand($"""
            WITH cur AS (
              SELECT external_reference FROM {_s}.orders
              WHERE external_reference = @ref AND token = @token AND lease_owner IS NOT NULL
              FOR UPDATE),
            d AS (
              SELECT st.status, st.is_final FROM {_s}.statuses st JOIN cur ON st.external_reference = cur.external_reference
              WHERE st.sequence = @seq),
            del AS (
              DELETE FROM {_s}.statuses st USING cur, d
              WHERE st.external_reference = cur.external_reference AND st.sequence <= @seq),
            upd AS (
              UPDATE {_s}.orders o SET last_status = d.status, is_final = d.is_final, failed_attempts = 0
              FROM cur, d WHERE o.external_reference = cur.external_reference AND o.token = @token)
            SELECT count(*) FROM cur
            """);
        Text(write, "ref", lease.ExternalReference);
        Long(write, "token", lease.Token);
        Long(write, "seq", sequence);
        batch.BatchCommands.Add(write);
        batch.BatchCommands.Add(HeadCommand(lease.ExternalReference));
        return await FencedAsync(batch, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(OrderLease lease, LeaseRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(release);

        // A failed delivery keeps its backoff even if callbacks came: they are answered by the retry's fetch.
        // A lease that was lost already matches no row: ignored.
        await using var command = await CommandAsync($"""
            UPDATE {_s}.orders SET
              due_at = CASE WHEN refresh_requests > refresh_requests_handled AND NOT is_final_observed AND NOT @failed
                            THEN now() + @after_callback ELSE now() + @again END,
              lease_owner = NULL, lease_until = NULL, failed_attempts = @attempts, parked_reason = @park
            WHERE external_reference = @ref AND token = @token AND lease_owner IS NOT NULL
            """, cancellationToken).ConfigureAwait(false);
        Text(command, "ref", lease.ExternalReference);
        Long(command, "token", lease.Token);
        command.Parameters.Add(new NpgsqlParameter("failed", NpgsqlDbType.Boolean) { Value = release.FailedAttempts > 0 });
        command.Parameters.Add(new NpgsqlParameter("after_callback", NpgsqlDbType.Interval) { Value = release.AfterCallback });
        command.Parameters.Add(new NpgsqlParameter("again", NpgsqlDbType.Interval) { Value = release.CheckAgainIn is { } wait ? wait : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("attempts", NpgsqlDbType.Integer) { Value = release.FailedAttempts });
        Text(command, "park", release.ParkReason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection pool when the store made it (from a connection string).</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private string OrderColumns => $"""
        o.external_reference, o.order_id, o.last_status, o.is_final,
        (SELECT count(*) FROM {_s}.statuses st WHERE st.external_reference = o.external_reference)::integer, o.failed_attempts, o.parked_reason
        """;

    private static string ArgumentNullOrEmpty(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, "connectionString");
        return value;
    }

    private static bool Untrackable(string externalReference) => externalReference.Contains('\0', StringComparison.Ordinal);

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string SchemaVersionTable(string s) => $"""
        CREATE SCHEMA IF NOT EXISTS {s};
        CREATE TABLE IF NOT EXISTS {s}.schema_version (
          version    integer     NOT NULL PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    private static void Text(NpgsqlCommand command, string name, string? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    private static void Text(NpgsqlBatchCommand command, string name, string? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    private static void Long(NpgsqlCommand command, string name, long value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value });

    private static void Long(NpgsqlBatchCommand command, string name, long value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value });

    private NpgsqlBatchCommand HeadCommand(string reference)
    {
        var head = new NpgsqlBatchCommand($"""
            SELECT sequence, status, payload, is_final, source, observed_at FROM {_s}.statuses
            WHERE external_reference = @ref ORDER BY sequence LIMIT 1
            """);
        Text(head, "ref", reference);
        return head;
    }

    private static async Task<PendingStatus?> FencedAsync(NpgsqlBatch batch, OrderLease lease, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (reader.GetInt64(0) == 0)
        {
            throw new BoardingLeaseLostException(lease.ExternalReference, lease.Token);
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadStatus(reader, 0) : null;
    }

    private static PendingStatus ReadStatus(NpgsqlDataReader reader, int first) =>
        new(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetBoolean(first + 3),
            Enum.Parse<BoardingNotificationSource>(reader.GetString(first + 4)), reader.GetFieldValue<DateTimeOffset>(first + 5));

    private async Task<List<TrackedOrder>> ReadOrdersAsync(string sql, string? reference, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken).ConfigureAwait(false);
        if (reference is not null)
        {
            Text(command, "ref", reference);
        }

        var orders = new List<TrackedOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            orders.Add(new TrackedOrder(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3))
            {
                PendingCount = reader.GetInt32(4),
                FailedAttempts = reader.GetInt32(5),
                ParkedReason = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return orders;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return _dataSource.CreateCommand(sql);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await CreateOrCheckSchemaAsync(cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    private async Task CreateOrCheckSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Up to date: nothing to lock and no DDL (the role may lack the right to it).
        var version = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (version == SchemaVersion)
        {
            return;
        }

        Newer(version);
        if (!_options.CreateSchema)
        {
            throw new InvalidOperationException(
                $"The Boarding order store's schema \"{Schema}\" is at version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (missing)"}, this code needs {SchemaVersion}, " +
                "and PostgreSqlBoardingOrderStoreOptions.CreateSchema is false: run PostgreSqlBoardingOrderStore.CreateScript (see docs/receiver-stores.md) or let the store create it.");
        }

        // Instances starting at once: one migrates, the others wait here and then find it done.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bigint) { Value = LockKey(Schema) });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        bool schemaExists;
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @name)", connection, transaction))
        {
            exists.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = Schema });
            schemaExists = (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists: only when it does not.
        var ddl = (schemaExists ? string.Empty : $"CREATE SCHEMA IF NOT EXISTS {_s};\n") + SchemaVersionTable(_s).Replace($"CREATE SCHEMA IF NOT EXISTS {_s};", string.Empty, StringComparison.Ordinal);
        await using (var create = new NpgsqlCommand(ddl, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) ?? 0;
        Newer(current);
        for (var next = current + 1; next <= SchemaVersion; next++)
        {
            var migration = Migrations[next - 1].Replace("{s}", _s, StringComparison.Ordinal) + $"\nINSERT INTO {_s}.schema_version (version) VALUES ({next});";
            await using var migrate = new NpgsqlCommand(migration, connection, transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Newer(int? version)
    {
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The Boarding order store's schema \"{Schema}\" is at version {version}, newer than this version of BoardingDsl.AspNetCore.PostgreSql knows ({SchemaVersion}); update the package.");
        }
    }

    private async Task<int?> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("table", NpgsqlDbType.Text) { Value = _s + ".schema_version" });
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return null;
        }

        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {_s}.schema_version", connection, transaction);
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static long LockKey(string schema)
    {
        // FNV-1a over the schema's name: one lock per store schema, the same in every instance and version.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("BoardingDsl.AspNetCore.PostgreSql/" + schema))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
