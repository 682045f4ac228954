using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.AspNetCore;
using BoardingDsl.Client;
using BoardingDsl.Sample;
using BoardingDsl.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace BoardingDsl.ReceiverLoad;

/// <summary>
/// The load and fault run: every order walks through its statuses (each current for <c>--step-ms</c>), each change
/// announced by one callback to a random live instance (and a duplicate now and then, as a retrying proxy would);
/// meanwhile a burst of callbacks (duplicates, for every order) goes to both instances as fast as they take them, and
/// one instance is killed part-way. Then it counts, per (order, status), how often a handler ran.
/// </summary>
internal static class Driver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orders = Arguments.Int(args, "--orders", 200);
        var burst = Arguments.Int(args, "--callbacks", 2000);
        var latency = TimeSpan.FromMilliseconds(Arguments.Int(args, "--latency-ms", 30));
        var step = TimeSpan.FromMilliseconds(Arguments.Int(args, "--step-ms", 1500));
        var killAfter = TimeSpan.FromMilliseconds(Arguments.Int(args, "--kill-after-ms", 3000));
        var seed = Arguments.Int(args, "--seed", 42);
        var random = new Random(seed);

        await using var storage = await Stores.PrepareAsync(args);
        Console.WriteLine($"store: {storage.Description}; {orders} orders, burst of {burst} callbacks, API latency {latency.TotalMilliseconds} ms, a status every {step.TotalMilliseconds} ms, kill after {killAfter.TotalMilliseconds} ms, {Arguments.Int(args, "--concurrency", 16)} orders at once per instance");

        var sandboxOptions = new SandboxOptions
        {
            ApiLatency = latency,
            StatusStepInterval = step,
            FailDelivery = _ => true, // the driver makes the calls itself, to choose the instance and the duplicates
        };
        await using var sandbox = await BoardingSandbox.StartAsync(sandboxOptions);
        var changes = new ConcurrentQueue<(string OrderId, string Status, long At)>();
        var clock = Stopwatch.StartNew();
        sandbox.EventRaised += e =>
        {
            if (e.Kind == SandboxEventKinds.StatusChanged && e.OrderId is not null)
            {
                changes.Enqueue((e.OrderId, e.Message, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }
        };

        var concurrency = Arguments.Int(args, "--concurrency", 16);
        string[] instanceArguments = [.. storage.Arguments, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)];
        await using var a = await ChildReceiver.StartAsync("a", sandbox, instanceArguments);
        await using var b = await ChildReceiver.StartAsync("b", sandbox, instanceArguments);
        var instances = new[] { a, b };
        var references = new ConcurrentDictionary<string, string>(); // orderId → reference

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(10) };

        // The status changes are announced as they happen, from the first order on, whatever else is going on (the
        // burst below included): one callback to a random live instance, a duplicate now and then; one instance is
        // killed part-way.
        var walkLatencies = new ConcurrentBag<double>();
        var sent = new ConcurrentBag<Task>();
        var walkClock = Stopwatch.StartNew();
        var walkCallbacks = 0;
        using var stopForwarding = new CancellationTokenSource();
        var forwarding = Task.Run(async () =>
        {
            var killed = false;
            while (!stopForwarding.IsCancellationRequested)
            {
                while (changes.TryDequeue(out var change))
                {
                    if (change.Status == "Processing" || !references.TryGetValue(change.OrderId, out var reference))
                    {
                        continue;
                    }

                    int copies;
                    lock (random)
                    {
                        copies = random.NextDouble() < 0.3 ? 2 : 1;
                    }

                    for (var c = 0; c < copies; c++)
                    {
                        var live = instances.Where(x => !x.IsKilled).ToArray();
                        ChildReceiver target;
                        lock (random)
                        {
                            target = live[random.Next(live.Length)];
                        }

                        Interlocked.Increment(ref walkCallbacks);
                        sent.Add(Task.Run(async () =>
                        {
                            var started = Stopwatch.GetTimestamp();
                            await target.CallBackAsync(http, reference);
                            walkLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }));
                    }
                }

                if (!killed && walkClock.Elapsed >= killAfter)
                {
                    killed = true;
                    b.Kill();
                    Console.WriteLine($"killed instance b at {walkClock.Elapsed.TotalSeconds:F1} s");
                }

                await Task.Delay(10);
            }
        });

        // The orders: configured once, submitted and tracked as a partner's code does.
        await using var services = new ServiceCollection()
            .AddBoardingClient(o =>
            {
                o.BaseAddress = sandbox.BaseAddress;
                o.ApiKey = sandboxOptions.ApiKey;
            }).Services.BuildServiceProvider();
        var client = services.GetRequiredService<BoardingClient>();
        var order = await client.StartOrderAsync(SampleOrder.Start());
        order = await client.AddTerminalPackageAsync(SampleOrder.TerminalPackage(order));
        var trackStore = storage.OpenStore();
        await Parallel.ForEachAsync(Enumerable.Range(0, orders), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var reference = "load-" + i.ToString("D4", CultureInfo.InvariantCulture);
            var submit = SampleOrder.Submit(order, reference, new Uri("https://receiver.example/ccv/orders/" + reference));
            var answer = await client.SubmitOrderAsync(submit, ct);
            var id = answer.GetString("orderId")!;
            references[id] = reference;
            await trackStore.TrackAsync(reference, id, ct);
        });
        Console.WriteLine($"submitted and tracked {orders} orders in {clock.Elapsed.TotalSeconds:F1} s");

        // The burst: 10 callbacks per order at both instances, as fast as they are answered.
        var burstLatencies = new ConcurrentBag<double>();
        var refs = references.Values.ToArray();
        var burstClock = Stopwatch.StartNew();
        var failedCalls = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var live = instances.Where(x => !x.IsKilled).ToArray();
            var target = live[i % live.Length];
            var started = Stopwatch.GetTimestamp();
            if (!await target.CallBackAsync(http, refs[i % refs.Length]))
            {
                Interlocked.Increment(ref failedCalls);
            }

            burstLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        var burstSeconds = burstClock.Elapsed.TotalSeconds;

        // Every order keeps walking meanwhile; wait until none is open (final and delivered), or a minute past the walk.
        while (!((await trackStore.GetOpenAsync()).Count == 0 || walkClock.Elapsed > step * 6 + TimeSpan.FromSeconds(60)))
        {
            await Task.Delay(200);
        }

        stopForwarding.Cancel();
        await forwarding;
        await Task.WhenAll(sent);
        await Task.Delay(1000); // late duplicates would show now
        await a.StopAsync();
        var walkSeconds = walkClock.Elapsed.TotalSeconds;

        Report.Print(new RunFigures(
            orders, burst, burstSeconds, burstLatencies.ToArray(), failedCalls, walkCallbacks, walkLatencies.ToArray(), walkSeconds,
            Snapshot(sandbox),
            references,
            a.Handled.Concat(b.Handled).ToArray(),
             sandbox.Events.Count(e => e.Kind == SandboxEventKinds.Request && e.Message.StartsWith("GET ", StringComparison.Ordinal)),
            step));
        return 0;
    }

    private static IReadOnlyList<(string OrderId, string Status, DateTimeOffset At)> Snapshot(BoardingSandbox sandbox) =>
        sandbox.Events.Where(e => e.Kind == SandboxEventKinds.StatusChanged && e.OrderId is not null).Select(e => (e.OrderId!, e.Message, e.At)).ToList();
}
