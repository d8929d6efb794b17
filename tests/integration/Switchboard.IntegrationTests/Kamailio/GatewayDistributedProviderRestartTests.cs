namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>The provider restart with the services as separate processes (the gateway-registrar process re-registers).</summary>
public sealed class GatewayDistributedProviderRestartTests() : GatewayProviderRestartScenarios(new GatewayDistributedDeployment(InboundAccount));
