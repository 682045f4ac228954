using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using BoardingDsl.Sandbox;

namespace BoardingDsl.ReceiverLoad;

/// <summary>One handler invocation as a receiver process reported it.</summary>
internal sealed record Handled(string Instance, string Key, string Reference, string Status, long AtUnixMs);

/// <summary>A receiver instance in its own process (so it can be killed for real), and what it reported.</summary>
internal sealed class ChildReceiver : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<Handled> _handled = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildReceiver(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public bool IsKilled { get; private set; }

    public IReadOnlyCollection<Handled> Handled => _handled.ToArray();

    public static async Task<ChildReceiver> StartAsync(string name, BoardingSandbox sandbox, IReadOnlyList<string> storeArguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildReceiver).Assembly.Location);
        }

        foreach (var argument in new[] { "--instance", name, "--port", port.ToString(CultureInfo.InvariantCulture), "--sandbox", sandbox.BaseAddress.ToString(), "--api-key", sandbox.Options.ApiKey })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in storeArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var child = new ChildReceiver(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => child.Read(e.Data);
        process.BeginOutputReadLine();
        await child._ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return child;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            _ready.TrySetException(new InvalidOperationException($"receiver {Name} ended before it was ready"));
            return;
        }

        if (line == "READY")
        {
            _ready.TrySetResult();
            return;
        }

        var parts = line.Split(' ');
        if (parts.Length == 5 && parts[0] == "H")
        {
            _handled.Enqueue(new Handled(Name, parts[1], parts[2], parts[3], long.Parse(parts[4], CultureInfo.InvariantCulture)));
        }
        else
        {
            Console.WriteLine($"[{Name}] {line}");
        }
    }

    /// <summary>CCV's call: a POST with no body. False when it was not answered 202.</summary>
    public async Task<bool> CallBackAsync(HttpClient http, string reference)
    {
        try
        {
            using var response = await http.PostAsync(new Uri(Address, "ccv/orders/" + Uri.EscapeDataString(reference)), new ByteArrayContent([]));
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no stop, no lease handed back.</summary>
    public void Kill()
    {
        IsKilled = true;
        _process.Kill(entireProcessTree: true);
    }

    /// <summary>A clean stop: standard input closed, the host stops.</summary>
    public async Task StopAsync()
    {
        if (IsKilled || _process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
