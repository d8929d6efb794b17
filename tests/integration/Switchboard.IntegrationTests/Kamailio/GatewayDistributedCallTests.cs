namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The trunk call scenarios with the services as separate processes: the gateway-registrar process registers at
/// Kamailio through the transaction service's SipClient gRPC, the transaction service's proxy finds the gateway over
/// the GatewayDirectory gRPC.
/// </summary>
public sealed class GatewayDistributedCallTests() : GatewayCallScenarios(new GatewayDistributedDeployment(Settings));
