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

/// <summary>The same in the distributed wiring: two media-proxy processes, each with its own program chained on loopback.</summary>
public sealed class MediaKernelRelayDistributedTests(MediaKernelDistributedDeployment deployment) : IClassFixture<MediaKernelDistributedDeployment>
{
    [Fact]
    public async Task A_call_is_relayed_in_the_kernel_of_its_media_proxy_process_and_a_reinvite_takes_it_back_until_the_new_port_speaks() =>
        await MediaCallFlows.KernelRelayedCallAsync(deployment, deployment.SessionApis);
}
