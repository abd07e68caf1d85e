using System.Globalization;
using Elex.Dashboard.Components;
using Elex.Streams.Persistence;

namespace Elex.Dashboard.Tests;

public sealed class PersistencePanelTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 10, 11, 12, TimeSpan.Zero);

    [Fact]
    public void Without_a_store_it_says_off()
    {
        var cut = Render<PersistencePanel>(p => p.Add(c => c.Status, PersistenceStatus.Disabled));

        Assert.Equal("Off", cut.Find("#persist-status").TextContent);
        Assert.Empty(cut.FindAll("#persist-last"));
    }

    [Fact]
    public void Before_the_first_write_it_is_healthy_and_never_persisted()
    {
        var cut = Render<PersistencePanel>(p => p.Add(c => c.Status, PersistenceStatus.Disabled with { Enabled = true }));

        Assert.Equal("Healthy", cut.Find("#persist-status").TextContent);
        Assert.Equal("never", cut.Find("#persist-last").TextContent);
        Assert.Equal("0", cut.Find("#persist-pending").TextContent);
    }

    [Fact]
    public void A_healthy_store_shows_when_it_last_persisted_and_what_it_wrote()
    {
        var status = new PersistenceStatus(Enabled: true, LastPersistedAt: At, AgentsPersisted: 9, Writes: 4, Failures: 1,
            ConsecutiveFailures: 0, Pending: 0, LastError: null, RetryIn: null);

        var cut = Render<PersistencePanel>(p => p.Add(c => c.Status, status));

        var state = cut.Find("#persist-status");
        Assert.Equal("Healthy", state.TextContent);
        Assert.Contains("ok", state.ClassList);
        Assert.Equal(At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture), cut.Find("#persist-last").TextContent);
        Assert.Equal("4", cut.Find("#persist-writes").TextContent);
        Assert.Equal("1", cut.Find("#persist-failures").TextContent);
        Assert.Equal("0", cut.Find("#persist-pending").TextContent);
        Assert.Empty(cut.FindAll("#persist-retry"));
        Assert.Equal("4", cut.Find("#persistence").GetAttribute("data-writes"));
    }

    [Fact]
    public void A_failing_store_shows_the_fault_what_is_pending_and_the_backoff()
    {
        var status = new PersistenceStatus(Enabled: true, LastPersistedAt: At, AgentsPersisted: 9, Writes: 4, Failures: 3,
            ConsecutiveFailures: 3, Pending: 2, LastError: "QuotaExceededError: the disk is full", RetryIn: TimeSpan.FromMilliseconds(400));

        var cut = Render<PersistencePanel>(p => p.Add(c => c.Status, status));

        var state = cut.Find("#persist-status");
        Assert.Equal("Failing: QuotaExceededError: the disk is full", state.TextContent);
        Assert.Contains("error", state.ClassList);
        Assert.Equal("2", cut.Find("#persist-pending").TextContent);
        Assert.Equal("3", cut.Find("#persist-failures").TextContent);
        Assert.Equal("0.4 s", cut.Find("#persist-retry").TextContent);
        Assert.Equal("3", cut.Find("#persistence").GetAttribute("data-failures"));
        // The last success is still shown while failing.
        Assert.NotEqual("never", cut.Find("#persist-last").TextContent);
    }

    [Fact]
    public void Recovering_clears_the_fault_and_the_backoff()
    {
        var failing = new PersistenceStatus(true, null, 0, 0, 1, 1, 1, "disk I/O error", TimeSpan.FromMilliseconds(100));
        var cut = Render<PersistencePanel>(p => p.Add(c => c.Status, failing));
        Assert.Equal("Failing: disk I/O error", cut.Find("#persist-status").TextContent);
        Assert.Equal("never", cut.Find("#persist-last").TextContent);

        cut.Render(p => p.Add(c => c.Status, failing with { LastPersistedAt = At, Writes = 1, AgentsPersisted = 1, ConsecutiveFailures = 0, Pending = 0, LastError = null, RetryIn = null }));

        Assert.Equal("Healthy", cut.Find("#persist-status").TextContent);
        Assert.Equal("0", cut.Find("#persist-pending").TextContent);
        Assert.Empty(cut.FindAll("#persist-retry"));
        Assert.Equal("1", cut.Find("#persist-writes").TextContent);
    }
}
