namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>Kernel helper function numbers (include/uapi/linux/bpf.h, FN(...) list).</summary>
internal enum BpfHelper
{
    MapLookupElem = 1,
    SkbStoreBytes = 9,
    L3CsumReplace = 10,
    L4CsumReplace = 11,
    CsumDiff = 28,
    RedirectNeigh = 152,
}
