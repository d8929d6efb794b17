using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.GatewayRegistrar.Status;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>What every registration loop of one instance shares.</summary>
internal sealed record GatewayLoopContext(
    GatewayRegistrarOptions Options,
    RegistrationSchedule Schedule,
    GatewayStatusBoard Board,
    GatewayRegistrarMetrics Metrics,
    IEventPublisher Events,
    TimeProvider Time,
    ILogger Logger,
    string Owner);
