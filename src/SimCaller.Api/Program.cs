using Microsoft.Extensions.Options;
using System.Text.Json;
using Serilog;
using SimCaller.Api;
using SimCaller.Api.Accounts;
using SimCaller.Api.Audio;
using SimCaller.Api.Calls;
using SimCaller.Api.Campaigns;
using SimCaller.Api.Debriefs;
using SimCaller.Api.Twilio;
using SimCaller.Api.Sessions;
using SimCaller.Api.Web;
using SimCaller.Practice;
using SimCaller.Speech.Azure;
using SimCaller.Speech.Caching;
using SimCaller.Storage;

// The single composition root of the phone practice service.
var builder = WebApplication.CreateBuilder(args);

// The logger belongs to this host, not to the static Log.Logger: several hosts in one process (the tests'
// API instances) would otherwise all write through whichever was built last.
builder.Services.AddSerilog((services, logging) => logging
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
    preserveStaticLogger: true);

builder.Services.AddSimCallerPractice(builder.Configuration);

// Every database call gets a deadline well inside Twilio's 15 s; past it the caller keeps the line (DatabaseOutageFilter).
builder.Services.AddOptions<DatabaseTimeoutOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<DatabaseTimeoutOptions>, DatabaseTimeoutOptions.Validator>();
builder.Services.AddSessionStoreTimeout(sp => sp.GetRequiredService<IOptions<DatabaseTimeoutOptions>>().Value.DatabaseTimeout);

var twilioSection = builder.Configuration.GetSection(TwilioOptions.Section);
builder.Services.AddOptions<TwilioOptions>().Configure(options => options.Load(twilioSection));
builder.Services.AddHttpClient(DebriefLinkSender.HttpClientName);
builder.Services.AddSingleton<DebriefLinkSender>();

// Azure speech only when both key and region are set; otherwise the customer speaks through Polly <Say>.
var azure = builder.Configuration.GetSection("Speech:Azure").Get<AzureSpeechOptions>() ?? new AzureSpeechOptions();
if (azure.IsConfigured)
{
    var cacheDirectory = builder.Configuration["Speech:CacheDirectory"] is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetTempPath(), "simcaller-audio");
    builder.Services.AddSingleton(azure);
    builder.Services.AddHttpClient<AzureSpeechClient>();
    builder.Services.AddSingleton(new SpeechAudioCache(cacheDirectory));
    builder.Services.AddSingleton<MoodSpeechSynthesizer>();
}
builder.Services.AddSingleton<CustomerAudio>();
builder.Services.AddSingleton<PhoneCallFlow>();
builder.Services.AddSingleton<TwilioSignatureFilter>();
builder.Services.AddSingleton<CallOutageLog>();
builder.Services.AddSingleton<DatabaseOutageFilter>();
builder.Services.AddHealthChecks();

// The JSON API: accounts, bearer tokens and cookies, rate limits, snake_case JSON, ProblemDetails for bad input.
builder.Services.AddWebAccess();
builder.Services.AddWebPages();
builder.Services.AddConsoleApi();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiErrors>();

var app = builder.Build();

app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseExceptionHandler();
// The pages' own scripts and styles (wwwroot), before sign-in is read: they are the same for everyone.
app.UseStaticFiles();
app.UseWebAccess();
// ConversationRelay's socket (relay mode); the upgrade is checked against Twilio's signature like any webhook.
app.UseWebSockets();
app.MapHealthChecks("/health");
app.MapAuthApi();
app.MapCallsApi();
app.MapSessionsApi();
app.MapConsoleApi();
app.MapTwilioWebhooks();
app.MapDebriefPages();
app.MapAudio();
app.MapReplay();
app.MapWebPages();

var twilio = app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
if (string.IsNullOrWhiteSpace(twilio.AuthToken))
    app.Logger.LogWarning("Twilio:AuthToken is not set: every Twilio webhook will be refused (403)");
if (string.IsNullOrWhiteSpace(twilio.PublicBaseUrl))
    app.Logger.LogWarning("Twilio:PublicBaseUrl is not set: signatures are checked against the URL this server sees, which fails behind a proxy or tunnel");

app.Run();

/// <summary>Visible to tests (WebApplicationFactory).</summary>
public partial class Program;
