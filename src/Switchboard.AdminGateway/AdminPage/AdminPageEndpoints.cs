using System.Reflection;

namespace Switchboard.AdminGateway.AdminPage;

/// <summary>The admin page at <c>/</c>: static HTML and a little JS (embedded, so the all-in-one host serves it too).</summary>
public static class AdminPageEndpoints
{
    public static IEndpointRouteBuilder MapAdminPage(this IEndpointRouteBuilder app)
    {
        var html = Read("AdminPage.index.html");
        var script = Read("AdminPage.admin.js");
        app.MapGet("/", () => Results.Text(html, "text/html; charset=utf-8"));
        app.MapGet("/admin.js", () => Results.Text(script, "text/javascript; charset=utf-8"));
        return app;
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
