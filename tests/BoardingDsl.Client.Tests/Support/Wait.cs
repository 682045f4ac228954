using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Client.Tests.Support;

/// <summary>Bounded waits: every wait in these tests gives up after a few seconds.</summary>
internal static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test when <paramref name="limit"/> passes first.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var max = limit ?? Limit;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > max)
            {
                Assert.Fail($"Gave up after {max.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Polls <paramref name="read"/> until it returns <paramref name="expected"/>; fails with the last value read when
    /// <paramref name="limit"/> passes first. For the store after a handler ran: the receiver records a status as
    /// handled only after the handler returned, so the record lags the notification by a store round trip.
    /// </summary>
    public static async Task ForAsync<T>(T expected, Func<ValueTask<T?>> read, string what, TimeSpan? limit = null)
        where T : class
    {
        var max = limit ?? Limit;
        var clock = Stopwatch.StartNew();
        var last = await read();
        while (!Equals(last, expected))
        {
            if (clock.Elapsed > max)
            {
                Assert.Equal(expected, last); // fails, showing both values
                Assert.Fail($"Gave up after {max.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
            last = await read();
        }
    }
}
