using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// Issue 7 in the distributed wiring with two media-proxy processes: the transaction service keeps each call on one
/// instance (rendezvous by Call-ID, pinned), and after SIGKILL of an instance a new call still gets a relay from
/// the survivor (the issue-6 "media-proxy kill inside the integration deployment").
/// </summary>
public sealed class MediaRelayDistributedTests(MediaDistributedDeployment deployment) : IClassFixture<MediaDistributedDeployment>
{
    [Fact]
    public async Task A_relayed_call_and_its_reinvite_stay_on_one_media_proxy_instance() =>
        // Every poll checks that at most one instance holds the Call-ID; the re-INVITE must land where the call is.
        await MediaCallFlows.ReinviteMovesMediaAsync(deployment, deployment.SessionApis);

    [Fact]
    public async Task A_late_offer_in_a_reliable_183_and_its_prack_answer_reach_the_same_instance() =>
        await MediaCallFlows.ReliableProvisionalOfferAsync(deployment, deployment.SessionApis);

    [Fact]
    public async Task A_silent_call_loses_its_relay_on_its_instance_after_the_media_timeout() =>
        await MediaCallFlows.SilentCallLosesItsRelayAsync(deployment, deployment.SessionApis, MediaDistributedDeployment.MediaTimeout);

    [Fact]
    public async Task A_lan_call_that_comes_back_from_the_wan_ends_with_direct_media_and_no_relay_on_either_instance() =>
        await MediaLoopFlow.DirectMediaRoundTheLoopAsync(deployment, deployment.SessionApis);

    [Fact]
    public async Task After_sigkill_of_the_call_s_media_proxy_the_same_call_id_gets_a_relay_from_the_survivor()
    {
        var callId = MediaSipp.NewCallId("kill");
        var first = await MediaCallFlows.RelayedCallAsync(deployment, deployment.SessionApis, callId);
        var doomed = deployment.SessionApiOf.Single(p => p.Value == first).Key;
        var survivor = deployment.SessionApiOf.Single(p => p.Value != first);

        await deployment.KillAsync(doomed);
        try
        {
            // The same Call-ID ranks the killed instance first (the instance list is unchanged): the proxy must
            // find it dead and place the relay on the survivor, with media flowing both ways.
            var second = await MediaCallFlows.RelayedCallAsync(deployment, deployment.SessionApis.Where(api => api != first).ToArray(), callId);
            Assert.Equal(survivor.Value, second);
        }
        finally
        {
            await deployment.StartAgainAsync(doomed);
        }
    }
}
