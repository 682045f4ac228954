using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace BoardingDsl.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL cluster for tests and benchmarks: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a
/// free loopback port (socket in the same folder), stopped and deleted on dispose. PostgreSQL refuses to run as root,
/// so as root the cluster runs as the <c>postgres</c> user (else <c>nobody</c>) through <c>runuser</c>, in a folder
/// that user owns. The binaries are found in <c>BOARDING_PG_BIN</c>, on PATH, or in <c>/usr/lib/postgresql/*/bin</c>
/// (newest first); when they are missing it throws (.ci/run installs Debian's <c>postgresql</c>).
/// Linked into the client tests and the receiver load driver.
/// </summary>
internal sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private const string FolderPrefix = "boarding-pg-";
    private const string OwnerFile = "owner.pid";

    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _runAs;
    private int _stopped;

    private PostgreSqlCluster(string folder, string bin, string? runAs, int port)
    {
        _folder = folder;
        _bin = bin;
        _runAs = runAs;
        Port = port;
        ConnectionString = Connection("postgres");
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The superuser's connection string to the <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "server.log");

    /// <summary>Creates and starts a cluster.</summary>
    public static async Task<PostgreSqlCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var runAs = string.Equals(Environment.UserName, "root", StringComparison.Ordinal) ? UnprivilegedUser() : null;
        await StopAbandonedAsync(bin, runAs).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
                .ConfigureAwait(false);
            if (runAs is not null)
            {
                await RunAsync(null, folder, cancellationToken, "chown", runAs + ":", folder).ConfigureAwait(false);
            }

            await RunAsync(runAs, folder, cancellationToken, Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"), "-U", Superuser,
                "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync").ConfigureAwait(false);

            // A free port can be taken between finding it and binding it: try a few.
            Exception? last = null;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var port = FreePort();
                var cluster = new PostgreSqlCluster(folder, bin, runAs, port);
                try
                {
                    await RunAsync(runAs, folder, cancellationToken, Path.Combine(bin, "pg_ctl"), "start", "-w", "-s", "-t", "120", "-D", cluster.DataFolder,
                        "-l", cluster.LogFile, "-o",
                        $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
                        .ConfigureAwait(false);
                    return cluster;
                }
                catch (InvalidOperationException ex)
                {
                    last = ex;
                    await cluster.StopAsync().ConfigureAwait(false);
                }
            }

            throw new InvalidOperationException("PostgreSQL would not start: " + last?.Message + Environment.NewLine + ReadLog(Path.Combine(folder, "server.log")), last);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Creates a database and gives its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return Connection(name);
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string Connection(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 60,
        CommandTimeout = 120,
    }.ConnectionString;

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        TryDelete(_folder);
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || !File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await RunAsync(_runAs, _folder, CancellationToken.None, Path.Combine(_bin, "pg_ctl"), "stop", "-w", "-s", "-t", "60", "-m", "immediate", "-D", DataFolder)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>A test process that was killed leaves its server running: stop and delete the clusters whose owner is gone.</summary>
    private static async Task StopAbandonedAsync(string bin, string? runAs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner).ConfigureAwait(false), out var pid) || IsAlive(pid))
                {
                    continue;
                }

                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    await RunAsync(runAs, folder, CancellationToken.None, Path.Combine(bin, "pg_ctl"), "stop", "-w", "-s", "-t", "60", "-m", "immediate",
                        "-D", Path.Combine(folder, "data")).ConfigureAwait(false);
                }

                TryDelete(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Someone else's, or already gone.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BOARDING_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        foreach (var folder in candidates)
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            "The PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl), found neither in BOARDING_PG_BIN, on PATH nor in /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: apt-get install postgresql; .ci/run does this) or set BOARDING_PG_BIN to their folder.");
    }

    private static string UnprivilegedUser()
    {
        var users = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd").Select(l => l.Split(':')[0]).ToHashSet(StringComparer.Ordinal) : [];
        var user = users.Contains("postgres") ? "postgres" : users.Contains("nobody") ? "nobody" : null;
        if (user is null || RunUser is null)
        {
            throw new InvalidOperationException("Running as root, PostgreSQL must run as another user: none of postgres, nobody exists, or runuser (util-linux) is missing.");
        }

        return user;
    }

    private static string? RunUser { get; } = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string? runAs, string workingFolder, CancellationToken cancellationToken, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? program : RunUser!,
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PGDATA");
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not end within 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }

    private static string ReadLog(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
