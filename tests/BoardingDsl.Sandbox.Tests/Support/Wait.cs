using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Sandbox.Tests.Support;

/// <summary>Bounded waits: every wait in these tests gives up after a few seconds.</summary>
internal static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test when <see cref="Limit"/> passes first.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit)
            {
                Assert.Fail($"Gave up after {Limit.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
