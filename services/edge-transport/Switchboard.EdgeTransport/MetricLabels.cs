using Switchboard.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>Constant label strings for methods and statuses, so metrics never format numbers on the hot path.</summary>
internal static class MetricLabels
{
    public static string Method(SipMethod method) => SipMethods.GetName(method) ?? "other";

    public static string StatusClass(int status) => (status / 100) switch
    {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        5 => "5xx",
        6 => "6xx",
        _ => "other",
    };

    public static string Status(int status) => status switch
    {
        0 => "0",
        400 => "400",
        413 => "413",
        416 => "416",
        420 => "420",
        483 => "483",
        501 => "501",
        505 => "505",
        513 => "513",
        _ => StatusClass(status),
    };
}
