using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoardingDsl.AspNetCore;

/// <summary>
/// The default store: one SQLite database file (WAL mode). It survives restarts, and several processes on one machine
/// may open the same file (every lease decision is made in SQL inside <c>BEGIN IMMEDIATE</c>), but instances on
/// several machines need a shared database store instead (<c>BoardingDsl.AspNetCore.PostgreSql</c>).
/// </summary>
/// <remarks>
/// <para>The schema is created on first use; <c>PRAGMA user_version</c> holds its version (now 1). Tables:</para>
/// <code>
/// boarding_orders    one row per tracked order
///   external_reference TEXT PK   your reference (exact, binary collation)
///   order_id           TEXT      CCV's order id
///   tracked_at         INTEGER   when it was tracked (unix ms, the store's clock)
///   last_status        TEXT      last status the handlers took, or NULL; is_final: whether it is final (0/1)
///   last_observed      TEXT      last status fetched (delivered or not); is_final_observed: whether it is final
///   sequence           INTEGER   sequence number of the last status queued (0: none yet)
///   due_at             INTEGER   when the order is to be claimed next (unix ms), NULL: only when asked
///   lease_owner        TEXT      instance holding the lease, NULL: free; lease_until: when it expires (unix ms)
///   token              INTEGER   grows with every claim: fences a lease that was taken over
///   refresh_requests   INTEGER   callbacks counted; refresh_requests_at_claim: the count at the current claim;
///                                refresh_requests_handled: the count a fetch has answered
///   failed_attempts    INTEGER   failed deliveries of the oldest pending status
///   parked_reason      TEXT      non-NULL: parked, with why
/// boarding_statuses  the queue: statuses observed and not yet delivered (deleted once delivered)
///   external_reference TEXT, sequence INTEGER   PK; status TEXT; payload TEXT (the JSON exactly);
///   is_final INTEGER; source TEXT (Callback, Poll, Tracking); observed_at INTEGER (unix ms)
/// </code>
/// </remarks>
public sealed class SqliteBoardingOrderStore : IBoardingOrderStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    private const string OrderColumns = """
        o.external_reference, o.order_id, o.last_status, o.is_final,
        (SELECT count(*) FROM boarding_statuses s WHERE s.external_reference = o.external_reference), o.failed_attempts, o.parked_reason
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;

    /// <summary>Opens (or creates) the store in the SQLite file <paramref name="databasePath"/>, on the system clock.</summary>
    public SqliteBoardingOrderStore(string databasePath)
        : this(databasePath, TimeProvider.System)
    {
    }

    /// <summary>Opens (or creates) the store in the SQLite file <paramref name="databasePath"/>, on <paramref name="time"/>.</summary>
    /// <remarks>The file (and its folder) and its schema are created on first use.</remarks>
    public SqliteBoardingOrderStore(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentNullException.ThrowIfNull(time);
        DatabasePath = Path.GetFullPath(databasePath);
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>How long a statement waits for another connection's write lock before it fails. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public ValueTask TrackAsync(string externalReference, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalReference);
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return Write(c =>
        {
            var now = Now();
            Execute(c, """
                INSERT INTO boarding_orders (external_reference, order_id, tracked_at, due_at) VALUES ($ref, $order, $now, $now)
                ON CONFLICT (external_reference) DO NOTHING
                """, ("$ref", externalReference), ("$order", orderId), ("$now", now));
            return true;
        }, cancellationToken).AsNonGeneric();
    }

    /// <inheritdoc />
    public ValueTask<TrackedOrder?> FindAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);
        return Read(c =>
        {
            var found = ReadOrders(c, $"SELECT {OrderColumns} FROM boarding_orders o WHERE o.external_reference = $ref", ("$ref", externalReference));
            return found.Count == 0 ? null : found[0];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackedOrder>> GetOpenAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<TrackedOrder>>(c => ReadOrders(c, $"""
            SELECT {OrderColumns} FROM boarding_orders o
            WHERE o.is_final = 0 OR EXISTS (SELECT 1 FROM boarding_statuses s WHERE s.external_reference = o.external_reference)
            ORDER BY o.tracked_at, o.external_reference
            """), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackedOrder>> GetParkedAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<TrackedOrder>>(c => ReadOrders(c, $"""
            SELECT {OrderColumns} FROM boarding_orders o WHERE o.parked_reason IS NOT NULL ORDER BY o.tracked_at, o.external_reference
            """), cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> UnparkAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);
        return Write(c => Execute(c, """
            UPDATE boarding_orders SET parked_reason = NULL, failed_attempts = 0, due_at = $now
            WHERE external_reference = $ref AND parked_reason IS NOT NULL
            """, ("$ref", externalReference), ("$now", Now())) > 0, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestRefreshAsync(string externalReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReference);

        // One statement: counts the callback (unless the final status was seen) and makes the order due now at the latest.
        return Write(c => Execute(c, """
            UPDATE boarding_orders SET
              refresh_requests = refresh_requests + CASE WHEN is_final_observed = 0 THEN 1 ELSE 0 END,
              due_at = CASE WHEN is_final_observed = 0 AND (due_at IS NULL OR due_at > $now) THEN $now ELSE due_at END
            WHERE external_reference = $ref
            """, ("$ref", externalReference), ("$now", Now())) > 0, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<string>> RequestRefreshAsync(IReadOnlyCollection<string> externalReferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalReferences);

        // One transaction for the lot: one commit (one disk flush) however many callbacks came together.
        return Write<IReadOnlyCollection<string>>(c =>
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            using var command = Command(c, """
                UPDATE boarding_orders SET
                  refresh_requests = refresh_requests + CASE WHEN is_final_observed = 0 THEN 1 ELSE 0 END,
                  due_at = CASE WHEN is_final_observed = 0 AND (due_at IS NULL OR due_at > $now) THEN $now ELSE due_at END
                WHERE external_reference = $ref
                """, ("$ref", string.Empty), ("$now", Now()));
            foreach (var reference in externalReferences)
            {
                command.Parameters["$ref"].Value = reference;
                if (command.ExecuteNonQuery() > 0)
                {
                    known.Add(reference);
                }
            }

            return known;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask RenewAsync(OrderLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return Write(c =>
        {
            var changed = Execute(c, """
                UPDATE boarding_orders SET lease_until = $until
                WHERE external_reference = $ref AND token = $token AND lease_owner IS NOT NULL
                """, ("$ref", lease.ExternalReference), ("$token", lease.Token), ("$until", Plus(Now(), duration)));
            return changed > 0 ? 0 : throw new BoardingLeaseLostException(lease.ExternalReference, lease.Token);
        }, cancellationToken).AsNonGeneric();
    }

    /// <inheritdoc />
    public ValueTask MakeAllOpenDueAsync(CancellationToken cancellationToken = default) =>
        Write(c => Execute(c, """
            UPDATE boarding_orders SET due_at = $now
            WHERE (is_final = 0 OR EXISTS (SELECT 1 FROM boarding_statuses s WHERE s.external_reference = boarding_orders.external_reference))
              AND parked_reason IS NULL
              AND (lease_owner IS NULL OR lease_until <= $now)
            """, ("$now", Now())), cancellationToken).AsNonGeneric();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int max, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0)
        {
            return ValueTask.FromResult<IReadOnlyList<OrderLease>>(Array.Empty<OrderLease>());
        }

        return Write<IReadOnlyList<OrderLease>>(c =>
        {
            var now = Now();
            var due = new List<string>();
            using (var select = Command(c, """
                SELECT external_reference FROM boarding_orders
                WHERE parked_reason IS NULL AND due_at <= $now AND (lease_owner IS NULL OR lease_until <= $now)
                ORDER BY due_at, external_reference
                LIMIT $max
                """, ("$now", now), ("$max", max)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    due.Add(reader.GetString(0));
                }
            }

            var until = Plus(now, duration);
            var leases = new List<OrderLease>(due.Count);
            foreach (var reference in due)
            {
                using var claim = Command(c, """
                    UPDATE boarding_orders SET token = token + 1, lease_owner = $owner, lease_until = $until, refresh_requests_at_claim = refresh_requests
                    WHERE external_reference = $ref
                    RETURNING order_id, token, last_observed, is_final_observed, failed_attempts, refresh_requests > refresh_requests_handled
                    """, ("$ref", reference), ("$owner", owner), ("$until", until));
                string orderId;
                long token;
                string? lastObserved;
                bool finalObserved;
                int failed;
                bool refresh;
                using (var reader = claim.ExecuteReader())
                {
                    reader.Read();
                    orderId = reader.GetString(0);
                    token = reader.GetInt64(1);
                    lastObserved = reader.IsDBNull(2) ? null : reader.GetString(2);
                    finalObserved = reader.GetInt64(3) != 0;
                    failed = reader.GetInt32(4);
                    refresh = reader.GetInt64(5) != 0;
                }

                leases.Add(new OrderLease(reference, orderId, owner, token, lastObserved, finalObserved, failed, refresh, Head(c, reference)));
            }

            return leases;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<PendingStatus?> RecordObservedAsync(OrderLease lease, string status, string payload, bool isFinal, BoardingNotificationSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(payload);
        return Write(c =>
        {
            var (lastObserved, finalObserved, sequence) = Current(c, lease);
            var append = !finalObserved && !string.Equals(lastObserved, status, StringComparison.Ordinal);
            if (append)
            {
                sequence++;
                Execute(c, """
                    INSERT INTO boarding_statuses (external_reference, sequence, status, payload, is_final, source, observed_at)
                    VALUES ($ref, $seq, $status, $payload, $final, $source, $now)
                    """, ("$ref", lease.ExternalReference), ("$seq", sequence), ("$status", status), ("$payload", payload), ("$final", isFinal),
                    ("$source", source.ToString()), ("$now", Now()));
                Execute(c, """
                    UPDATE boarding_orders SET sequence = $seq, last_observed = $status, is_final_observed = $final, refresh_requests_handled = refresh_requests_at_claim
                    WHERE external_reference = $ref AND token = $token
                    """, ("$ref", lease.ExternalReference), ("$token", lease.Token), ("$seq", sequence), ("$status", status), ("$final", isFinal));
            }
            else
            {
                // What the fetch answered covers every callback counted when the lease was claimed.
                Execute(c, "UPDATE boarding_orders SET refresh_requests_handled = refresh_requests_at_claim WHERE external_reference = $ref AND token = $token",
                    ("$ref", lease.ExternalReference), ("$token", lease.Token));
            }

            return Head(c, lease.ExternalReference);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<PendingStatus?> MarkDeliveredAsync(OrderLease lease, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return Write(c =>
        {
            Current(c, lease);
            using (var select = Command(c, "SELECT status, is_final FROM boarding_statuses WHERE external_reference = $ref AND sequence = $seq",
                ("$ref", lease.ExternalReference), ("$seq", sequence)))
            {
                string? delivered = null;
                var final = false;
                using (var reader = select.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        delivered = reader.GetString(0);
                        final = reader.GetInt64(1) != 0;
                    }
                }

                if (delivered is not null)
                {
                    Execute(c, "DELETE FROM boarding_statuses WHERE external_reference = $ref AND sequence <= $seq", ("$ref", lease.ExternalReference), ("$seq", sequence));
                    Execute(c, "UPDATE boarding_orders SET last_status = $status, is_final = $final, failed_attempts = 0 WHERE external_reference = $ref AND token = $token",
                        ("$ref", lease.ExternalReference), ("$token", lease.Token), ("$status", delivered), ("$final", final));
                }
            }

            return Head(c, lease.ExternalReference);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(OrderLease lease, LeaseRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(release);
        return Write(c =>
        {
            var now = Now();

            // A failed delivery keeps its backoff even if callbacks came: they are answered by the retry's fetch.
            return Execute(c, """
                UPDATE boarding_orders SET
                  due_at = CASE WHEN refresh_requests > refresh_requests_handled AND is_final_observed = 0 AND $failed = 0 THEN $afterCallback ELSE $again END,
                  lease_owner = NULL, lease_until = NULL, failed_attempts = $attempts, parked_reason = $park
                WHERE external_reference = $ref AND token = $token AND lease_owner IS NOT NULL
                """, ("$ref", lease.ExternalReference), ("$token", lease.Token), ("$failed", release.FailedAttempts > 0),
                ("$afterCallback", Plus(now, release.AfterCallback)), ("$again", release.CheckAgainIn is { } wait ? Plus(now, wait) : null),
                ("$attempts", release.FailedAttempts), ("$park", release.ParkReason));
        }, cancellationToken).AsNonGeneric();
    }

    /// <summary>Closes the pooled connections to the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The store <c>AddBoardingNotifications</c> registers by default: <see cref="BoardingNotificationOptions.SqlitePath"/>,
    /// a relative path under the content root (the current folder without a host), its folder created.
    /// </summary>
    internal static IBoardingOrderStore ForOptions(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BoardingNotificationOptions>>().Value;
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath;
        var path = Path.GetFullPath(Path.Combine(string.IsNullOrEmpty(root) ? Directory.GetCurrentDirectory() : root, options.SqlitePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteBoardingOrderStore(path);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Plus(long now, TimeSpan span)
    {
        var ms = (long)Math.Ceiling(span.TotalMilliseconds);
        return ms >= long.MaxValue - now ? long.MaxValue : now + ms;
    }

    private static (string? LastObserved, bool FinalObserved, long Sequence) Current(SqliteConnection c, OrderLease lease)
    {
        using var select = Command(c, """
            SELECT last_observed, is_final_observed, sequence FROM boarding_orders
            WHERE external_reference = $ref AND token = $token AND lease_owner IS NOT NULL
            """, ("$ref", lease.ExternalReference), ("$token", lease.Token));
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            throw new BoardingLeaseLostException(lease.ExternalReference, lease.Token);
        }

        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1) != 0, reader.GetInt64(2));
    }

    private static PendingStatus? Head(SqliteConnection c, string reference)
    {
        using var select = Command(c, """
            SELECT sequence, status, payload, is_final, source, observed_at FROM boarding_statuses
            WHERE external_reference = $ref ORDER BY sequence LIMIT 1
            """, ("$ref", reference));
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new PendingStatus(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0,
            Enum.Parse<BoardingNotificationSource>(reader.GetString(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
    }

    private static List<TrackedOrder> ReadOrders(SqliteConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        using var select = Command(c, sql, parameters);
        using var reader = select.ExecuteReader();
        var orders = new List<TrackedOrder>();
        while (reader.Read())
        {
            orders.Add(new TrackedOrder(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3) != 0)
            {
                PendingCount = reader.GetInt32(4),
                FailedAttempts = reader.GetInt32(5),
                ParkedReason = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return orders;
    }

    private async ValueTask<T> Read<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = Open();
        return work(connection);
    }

    private async ValueTask<T> Write<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = Open();
        return InTransaction(connection, work);
    }

    private static T InTransaction<T>(SqliteConnection connection, Func<SqliteConnection, T> work)
    {
        // IMMEDIATE takes the write lock first (waiting out the busy timeout): no reader can turn into a writer that loses.
        Execute(connection, "BEGIN IMMEDIATE");
        T result;
        try
        {
            result = work(connection);
        }
        catch
        {
            try
            {
                Execute(connection, "ROLLBACK");
            }
            catch (SqliteException)
            {
                // The transaction is already gone (SQLite rolls back on some errors itself).
            }

            throw;
        }

        Execute(connection, "COMMIT");
        return result;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                using var connection = Open();
                CreateSchema(connection);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
            {
                // SQLITE_NOTADB, SQLITE_CORRUPT
                throw new InvalidOperationException(
                    $"The Boarding order store's file '{DatabasePath}' is not a SQLite database, or it is damaged ({ex.Message}). Move it away (a new one is then created) or restore it from a backup.", ex);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 14 or 8)
            {
                // SQLITE_CANTOPEN, SQLITE_READONLY
                throw new InvalidOperationException(
                    $"The Boarding order store's file '{DatabasePath}' cannot be opened for writing ({ex.Message}): the process needs write access to the file and its folder (SQLite keeps -wal and -shm files beside it).", ex);
            }

            _created = true;
        }
        finally
        {
            _createGate.Release();
        }
    }

    private void CreateSchema(SqliteConnection connection)
    {
        // WAL lets readers go on while one connection writes; the mode is kept in the file.
        using (var wal = Command(connection, "PRAGMA journal_mode = WAL"))
        {
            wal.ExecuteScalar();
        }

        InTransaction(connection, c =>
        {
            long version;
            using (var read = Command(c, "PRAGMA user_version"))
            {
                version = Convert.ToInt64(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (version > SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"The Boarding order store's file '{DatabasePath}' has schema version {version}, newer than this version of BoardingDsl.AspNetCore knows ({SchemaVersion}); update the package.");
            }

            if (version < 1)
            {
                Execute(c, """
                    CREATE TABLE IF NOT EXISTS boarding_orders (
                      external_reference        TEXT    NOT NULL PRIMARY KEY,
                      order_id                  TEXT    NOT NULL,
                      tracked_at                INTEGER NOT NULL,
                      last_status               TEXT    NULL,
                      is_final                  INTEGER NOT NULL DEFAULT 0,
                      last_observed             TEXT    NULL,
                      is_final_observed         INTEGER NOT NULL DEFAULT 0,
                      sequence                  INTEGER NOT NULL DEFAULT 0,
                      due_at                    INTEGER NULL,
                      lease_owner               TEXT    NULL,
                      lease_until               INTEGER NULL,
                      token                     INTEGER NOT NULL DEFAULT 0,
                      refresh_requests          INTEGER NOT NULL DEFAULT 0,
                      refresh_requests_at_claim INTEGER NOT NULL DEFAULT 0,
                      refresh_requests_handled  INTEGER NOT NULL DEFAULT 0,
                      failed_attempts           INTEGER NOT NULL DEFAULT 0,
                      parked_reason             TEXT    NULL
                    );
                    CREATE INDEX IF NOT EXISTS boarding_orders_due ON boarding_orders (due_at, external_reference)
                      WHERE parked_reason IS NULL AND due_at IS NOT NULL;
                    CREATE TABLE IF NOT EXISTS boarding_statuses (
                      external_reference TEXT    NOT NULL,
                      sequence           INTEGER NOT NULL,
                      status             TEXT    NOT NULL,
                      payload            TEXT    NOT NULL,
                      is_final           INTEGER NOT NULL,
                      source             TEXT    NOT NULL,
                      observed_at        INTEGER NOT NULL,
                      PRIMARY KEY (external_reference, sequence)
                    );
                    PRAGMA user_version = 1;
                    """);
            }

            return true;
        });
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }
}

internal static class ValueTaskExtensions
{
    public static async ValueTask AsNonGeneric<T>(this ValueTask<T> task) => await task.ConfigureAwait(false);
}
