using Territory.Web.Auth;

namespace Territory.Web.Tests.Auth;

/// <summary>Repeated wrong passwords pause the name, longer each time; a right one clears it; other names are untouched.</summary>
public sealed class AuthThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Record_FiveWrongPasswords_PausesTheNameThirtySecondsThenLonger()
    {
        var clock = new Clock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++)
            throttle.Record("paul", succeeded: false);
        Assert.Null(throttle.Wait("paul"));

        throttle.Record("Paul ", succeeded: false);

        Assert.Equal(TimeSpan.FromSeconds(30), throttle.Wait("PAUL"));
        Assert.Null(throttle.Wait("ada"));
        clock.Now += TimeSpan.FromSeconds(31);
        Assert.Null(throttle.Wait("paul"));
        throttle.Record("paul", succeeded: false);
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.Wait("paul"));
    }

    [Fact]
    public void Record_RightPassword_ClearsThePause()
    {
        var throttle = new SignInThrottle(new Clock());
        for (var i = 0; i < 40; i++)
            throttle.Record("lea", succeeded: false);
        Assert.Equal(SignInThrottle.MaxPause, throttle.Wait("lea"));

        throttle.Record("lea", succeeded: true);

        Assert.Null(throttle.Wait("lea"));
    }
}
