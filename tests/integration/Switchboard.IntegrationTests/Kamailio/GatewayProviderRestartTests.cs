namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>The provider restart with the all-in-one host.</summary>
public sealed class GatewayProviderRestartTests() : GatewayProviderRestartScenarios(new GatewayHostDeployment(InboundAccount));
