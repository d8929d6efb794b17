namespace Switchboard.Router.Resolution;

internal static class Rejections
{
    public static AddressResolution.Rejection Create(int code, string reason) =>
        new(code, reason.Length > 0 ? reason : DefaultReason(code));

    public static string DefaultReason(int code) => code switch
    {
        403 => "Forbidden",
        404 => "Not Found",
        480 => "Temporarily Unavailable",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        603 => "Decline",
        604 => "Does Not Exist Anywhere",
        _ => "Rejected",
    };
}
