namespace Switchboard.IntegrationTests.Media;

/// <summary>The media loop (<see cref="MediaLoopFlow"/>) through the all-in-one host.</summary>
public sealed class MediaLoopCallTests(MediaRelayDeployment deployment) : IClassFixture<MediaRelayDeployment>
{
    [Fact]
    public async Task A_lan_call_that_comes_back_from_the_wan_ends_with_direct_media_and_no_relay() =>
        await MediaLoopFlow.DirectMediaRoundTheLoopAsync(deployment, deployment.SessionApis);
}
