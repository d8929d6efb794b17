using Switchboard.Sip;

namespace Switchboard.Signal;

/// <summary>The method token of a request as a string, without allocating for the known methods (every request needs it twice).</summary>
internal static class MethodNames
{
    public static string Of(SipMessage request) =>
        SipMethods.GetName(request.Method) ?? request.GetString(request.MethodRange) ?? string.Empty;
}
