namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// Issue 7, kernel forwarding: the all-in-one host with <c>MediaProxy:KernelForwarding=Required</c>; a LAN→WAN
/// call's RTP moves into the kernel once both phones have spoken, follows a re-INVITE and leaves with the BYE.
/// </summary>
public sealed class MediaKernelRelayCallTests(MediaKernelRelayDeployment deployment) : IClassFixture<MediaKernelRelayDeployment>
{
    [Fact]
    public async Task A_call_is_relayed_in_the_kernel_once_latched_and_a_reinvite_takes_it_back_until_the_new_port_speaks() =>
        await MediaCallFlows.KernelRelayedCallAsync(deployment, deployment.SessionApis);
}
