namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>The trunk call scenarios through the all-in-one host.</summary>
public sealed class GatewayCallTests() : GatewayCallScenarios(new GatewayHostDeployment(Settings));
