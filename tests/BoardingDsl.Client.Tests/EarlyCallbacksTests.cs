using System;
using BoardingDsl.AspNetCore;
using Xunit;

namespace BoardingDsl.Client.Tests;

/// <summary>The memory of callbacks that came before their order was tracked: bounded in time and in size.</summary>
public sealed class EarlyCallbacksTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_callback_is_kept_for_the_window_and_then_forgotten()
    {
        var time = new ManualTime();
        var early = new EarlyCallbacks(time, TimeSpan.FromMinutes(5), capacity: 10);

        Assert.True(early.TryRemember("a"));
        time.Now += TimeSpan.FromMinutes(3);
        Assert.True(early.TryRemember("b"));
        time.Now += TimeSpan.FromMinutes(3);

        Assert.Equal(new[] { "b" }, early.Pending());
        time.Now += TimeSpan.FromMinutes(3);
        Assert.Empty(early.Pending());
        Assert.True(early.IsEmpty);
    }

    [Fact]
    public void A_repeated_callback_restarts_its_window_and_takes_no_more_room()
    {
        var time = new ManualTime();
        var early = new EarlyCallbacks(time, TimeSpan.FromMinutes(5), capacity: 1);

        Assert.True(early.TryRemember("a"));
        time.Now += TimeSpan.FromMinutes(4);
        Assert.True(early.TryRemember("a"));
        Assert.False(early.TryRemember("b"));
        time.Now += TimeSpan.FromMinutes(4);

        Assert.Equal(new[] { "a" }, early.Pending());
    }

    [Fact]
    public void Room_frees_up_when_a_callback_is_matched_or_expires()
    {
        var time = new ManualTime();
        var early = new EarlyCallbacks(time, TimeSpan.FromMinutes(5), capacity: 1);

        Assert.True(early.TryRemember("a"));
        early.Forget("a");
        Assert.True(early.TryRemember("b"));
        time.Now += TimeSpan.FromMinutes(6);

        Assert.True(early.TryRemember("c")); // "b" has expired, though nothing has asked for the pending ones since
        Assert.Equal(new[] { "c" }, early.Pending());
    }

    [Fact]
    public void With_no_window_or_no_capacity_nothing_is_remembered()
    {
        Assert.False(new EarlyCallbacks(new ManualTime(), TimeSpan.Zero, capacity: 10).TryRemember("a"));
        Assert.False(new EarlyCallbacks(new ManualTime(), TimeSpan.FromMinutes(5), capacity: 0).TryRemember("a"));
    }
}
