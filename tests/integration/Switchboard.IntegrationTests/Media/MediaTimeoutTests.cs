namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// The manual's removal of "abandoned" media proxies: a relayed LAN→WAN call whose phones send no RTP loses its relay
/// after the media timeout (3 s here), counted as a timeout (not a BYE), its ports closed; the call itself goes on
/// and ends with a normal BYE (Proxy:Media:EndCallOnTimeout is off: the proxy does not end it; see MediaTimeoutByeTests).
/// </summary>
public sealed class MediaTimeoutTests(MediaTimeoutDeployment deployment) : IClassFixture<MediaTimeoutDeployment>
{
    [Fact]
    public async Task A_silent_call_loses_its_relay_after_the_media_timeout() =>
        await MediaCallFlows.SilentCallLosesItsRelayAsync(deployment, deployment.SessionApis, MediaTimeoutDeployment.MediaTimeout);
}
