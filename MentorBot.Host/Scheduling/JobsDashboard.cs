using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;
using MentorBot.Host.Configuration;
using Microsoft.AspNetCore.Builder;

namespace MentorBot.Host.Scheduling;

/// <summary>
/// Hangfire's Dashboard at <see cref="Path"/> for the operator: read-only unless <see cref="MentorBotOptions.DashboardWritable"/>,
/// and only with the secret <see cref="MentorBotOptions.DashboardSecret"/> — HTTP Basic (any user name, the secret as
/// the password; a browser asks for it) or <c>Authorization: Bearer &lt;secret&gt;</c>. Anything else gets 401; with no
/// secret configured every request does.
/// </summary>
public static class JobsDashboard
{
    /// <summary>Where the Dashboard is served.</summary>
    public const string Path = "/jobs";

    /// <summary>Serves the Dashboard on <paramref name="app"/>.</summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app, MentorBotOptions options) =>
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new SecretAuthorization(options.DashboardSecret)],
            IsReadOnlyFunc = _ => !options.DashboardWritable,
            DashboardTitle = "MentorBot jobs",
            DisplayStorageConnectionString = false,
            AppPath = null,
        });

    /// <summary>True when the request carries <paramref name="secret"/> (Basic password or Bearer token); false for an empty secret.</summary>
    public static bool Carries(string? authorization, string secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(authorization)) return false;
        string? given = null;
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = authorization["Bearer ".Length..].Trim();
        else if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':');
                given = colon < 0 ? null : pair[(colon + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // Hashes make the comparison constant-time whatever the lengths.
        return given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private sealed class SecretAuthorization(string secret) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (Carries(http.Request.Headers.Authorization, secret)) return true;
            // Hangfire answers 401 to an unauthenticated request; the challenge makes a browser ask for the secret.
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"MentorBot jobs\", charset=\"UTF-8\"";
            return false;
        }
    }
}
