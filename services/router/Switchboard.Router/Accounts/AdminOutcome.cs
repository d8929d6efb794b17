namespace Switchboard.Router.Accounts;

/// <summary>Result of an admin write; an HTTP adapter maps it to 200/409/404/400.</summary>
public enum AdminOutcome
{
    Done,
    AlreadyExists,
    NotFound,
    UnknownDomain,
    Invalid,
}
