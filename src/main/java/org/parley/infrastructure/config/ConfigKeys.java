package org.parley.infrastructure.config;

/**
 * Every configuration key Parley reads through MicroProfile Config, with its default. README.md
 * lists the same keys (a unit test keeps the two in step). Each key can also be given as an
 * environment variable in MicroProfile's form: upper case, non-alphanumerics as underscores ({@code
 * parley.mongodb.uri} -> {@code PARLEY_MONGODB_URI}), or as a {@code -D} system property, which
 * wins.
 */
public final class ConfigKeys {

  /** The MongoDB connection string; when absent, Parley starts its embedded development store. */
  public static final String MONGODB_URI = "parley.mongodb.uri";

  /** The conventional environment variable for {@link #MONGODB_URI}, accepted as an alias. */
  public static final String MONGODB_URI_ENV_ALIAS = "MONGODB_URI";

  /**
   * True on a node of several (set by standalone-cluster.xml, not by hand): the node then refuses
   * to start without {@link #MONGODB_URI}.
   */
  public static final String CLUSTER = "parley.cluster";

  public static final String MONGODB_DATABASE = "parley.mongodb.database";
  public static final String MONGODB_DATABASE_DEFAULT = "parley";

  /** Interface the embedded store listens on; loopback only unless deliberately changed. */
  public static final String EMBEDDED_HOST = "parley.mongodb.embedded.host";

  public static final String EMBEDDED_HOST_DEFAULT = "127.0.0.1";

  /** Port of the embedded store; 0 picks a free port (the WARN line at start names it). */
  public static final String EMBEDDED_PORT = "parley.mongodb.embedded.port";

  public static final String EMBEDDED_PORT_DEFAULT = "0";

  /**
   * H2 file of the embedded store; default: {@code parley/parley-store.mv} in the server's data
   * dir.
   */
  public static final String EMBEDDED_FILE = "parley.mongodb.embedded.file";

  /**
   * Page cache of the embedded store in MB: documents it holds are not read back and deserialised
   * from the file on every query (which scans, having no secondary indexes).
   */
  public static final String EMBEDDED_CACHE_MB = "parley.mongodb.embedded.cache-mb";

  public static final String EMBEDDED_CACHE_MB_DEFAULT = "64";

  /** How long the readiness probe waits for the store's answer to a ping, in milliseconds. */
  public static final String HEALTH_STORE_TIMEOUT_MS = "parley.health.store-timeout-ms";

  public static final String HEALTH_STORE_TIMEOUT_MS_DEFAULT = "2000";

  /** The longest text the DataAPI stores as one message, in characters. */
  public static final String DATA_MAX_TEXT_LENGTH = "parley.data.max-text-length";

  public static final String DATA_MAX_TEXT_LENGTH_DEFAULT = "4096";

  /** How long an unconsented dialog is kept, as an ISO-8601 duration; then the purge deletes it. */
  public static final String RETENTION_UNCONSENTED = "parley.retention.unconsented";

  public static final String RETENTION_UNCONSENTED_DEFAULT = "P30D";

  /**
   * How long the web chat keeps a delivered reply for the browser to read (ISO-8601, from its
   * delivery); the dialog's own record of it follows the dialog's consent.
   */
  public static final String RETENTION_WEBCHAT_REPLIES = "parley.retention.webchat-replies";

  public static final String RETENTION_WEBCHAT_REPLIES_DEFAULT = "P30D";

  /** How long an audit entry is kept (ISO-8601, from when it was recorded). */
  public static final String RETENTION_AUDIT = "parley.retention.audit";

  public static final String RETENTION_AUDIT_DEFAULT = "P365D";

  /**
   * The Tink keyset (JSON, as Tinkey or {@code
   * org.parley.infrastructure.persistence.mongodb.Keysets} writes it) that encrypts dialog text at
   * rest. Unset, and with no keyset file, text is stored in plain (the development default, logged
   * at start).
   */
  public static final String ENCRYPTION_KEYSET = "parley.encryption.keyset";

  /** A file holding that keyset (a mounted secret), read at start when the key itself is unset. */
  public static final String ENCRYPTION_KEYSET_FILE = "parley.encryption.keyset-file";

  /** How many documents the re-encryption after a key rotation rewrites per batch. */
  public static final String ENCRYPTION_RESEAL_BATCH = "parley.encryption.reseal-batch";

  public static final String ENCRYPTION_RESEAL_BATCH_DEFAULT = "200";

  /** Which NLU engine understands messages: {@code embedded} (trained from the plugins). */
  public static final String NLU_ENGINE = "parley.nlu.engine";

  public static final String NLU_ENGINE_DEFAULT = "embedded";

  /** Below this confidence the intent is {@code fallback}. */
  public static final String NLU_MIN_CONFIDENCE = "parley.nlu.min-confidence";

  public static final String NLU_MIN_CONFIDENCE_DEFAULT = "0.25";

  /**
   * The languages Parley detects (ISO 639-1, comma-separated); others map to the closest of them.
   */
  public static final String NLU_LANGUAGES = "parley.nlu.languages";

  public static final String NLU_LANGUAGES_DEFAULT = "EN,DE,FR,ES,IT";

  /**
   * The language of messages too short to tell (one or two words) when the platform gives no hint.
   */
  public static final String NLU_DEFAULT_LANGUAGE = "parley.nlu.default-language";

  public static final String NLU_DEFAULT_LANGUAGE_DEFAULT = "EN";

  /** Rasa's base URL, for {@code parley.nlu.engine=rasa}. */
  public static final String NLU_RASA_URL = "parley.nlu.rasa.url";

  public static final String NLU_RASA_URL_DEFAULT = "http://localhost:5005";

  /**
   * Dialogflow's base URL, project and OAuth access token, for {@code
   * parley.nlu.engine=dialogflow}.
   */
  public static final String NLU_DIALOGFLOW_URL = "parley.nlu.dialogflow.url";

  public static final String NLU_DIALOGFLOW_URL_DEFAULT = "https://dialogflow.googleapis.com";
  public static final String NLU_DIALOGFLOW_PROJECT = "parley.nlu.dialogflow.project";
  public static final String NLU_DIALOGFLOW_TOKEN = "parley.nlu.dialogflow.token";

  /** How many JMS message groups users are hashed into (order per user holds within a group). */
  public static final String ORDERING_GROUPS = "parley.ordering.groups";

  public static final String ORDERING_GROUPS_DEFAULT = "1024";

  /**
   * True where several nodes consume the queues (set by standalone-cluster.xml): each message and
   * reply is numbered in its user's order, and a consumer handles one only after its predecessor.
   */
  public static final String ORDERING_SEQUENCED = "parley.ordering.sequenced";

  public static final String ORDERING_SEQUENCED_DEFAULT = "false";

  /**
   * How long (ISO-8601) a sequenced message or reply waits for its predecessor before it is handled
   * anyway (the predecessor was then lost before it reached the queue, or buried).
   */
  public static final String ORDERING_WAIT = "parley.ordering.wait";

  public static final String ORDERING_WAIT_DEFAULT = "PT5S";

  /** After this long without a message (ISO-8601) a dialog ends and the bot asks for consent. */
  public static final String DIALOG_IDLE_TIMEOUT = "parley.dialog.idle-timeout";

  public static final String DIALOG_IDLE_TIMEOUT_DEFAULT = "PT30M";

  /** How often (ISO-8601) each node looks for idle dialogs. */
  public static final String DIALOG_IDLE_CHECK = "parley.dialog.idle-check";

  public static final String DIALOG_IDLE_CHECK_DEFAULT = "PT1M";

  /**
   * What the user is told when they ask for a person (empty: the small-talk plugin's words in the
   * user's language).
   */
  public static final String HANDOFF_NOTICE = "parley.handoff.notice";

  /** What the user is told when no person took the conversation in time (empty: built in). */
  public static final String HANDOFF_TIMEOUT_NOTICE = "parley.handoff.timeout-notice";

  /** A conversation waiting for a person this long (ISO-8601) goes back to the bot. */
  public static final String HANDOFF_ANSWER_WITHIN = "parley.handoff.answer-within";

  public static final String HANDOFF_ANSWER_WITHIN_DEFAULT = "PT5M";

  /** How often (ISO-8601) each node looks for conversations that waited too long for a person. */
  public static final String HANDOFF_CHECK = "parley.handoff.check";

  public static final String HANDOFF_CHECK_DEFAULT = "PT15S";

  /**
   * Deliveries of a queued message or reply before it goes to the dead-letter queue (read by the
   * broker's address settings and by the consumers, which count dead letters).
   */
  public static final String DELIVERY_MAX_ATTEMPTS = "parley.delivery.max-attempts";

  public static final String DELIVERY_MAX_ATTEMPTS_DEFAULT = "5";

  /** Messenger: the app secret that signs callbacks ({@code X-Hub-Signature-256}). */
  public static final String MESSENGER_APP_SECRET = "parley.messenger.app-secret";

  /** Messenger: the token Parley expects in the webhook verification request. */
  public static final String MESSENGER_VERIFY_TOKEN = "parley.messenger.verify-token";

  /** Messenger: the page access token the Send API needs. */
  public static final String MESSENGER_PAGE_TOKEN = "parley.messenger.page-token";

  /** Messenger: the Graph API's base URL (with its version). */
  public static final String MESSENGER_API_URL = "parley.messenger.api-url";

  public static final String MESSENGER_API_URL_DEFAULT = "https://graph.facebook.com/v21.0";

  /** Teams: the bot's Microsoft app id (the audience of the Bot Framework's tokens). */
  public static final String TEAMS_APP_ID = "parley.teams.app-id";

  /** Teams: the bot's app password (client secret), for the tokens that replies carry. */
  public static final String TEAMS_APP_PASSWORD = "parley.teams.app-password";

  /** Teams: the Bot Framework's OpenID metadata, whose JWKS signs inbound activities. */
  public static final String TEAMS_OPENID_METADATA_URL = "parley.teams.openid-metadata-url";

  public static final String TEAMS_OPENID_METADATA_URL_DEFAULT =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";

  /** Teams: where the bot gets its client-credentials token for replies. */
  public static final String TEAMS_TOKEN_URL = "parley.teams.token-url";

  public static final String TEAMS_TOKEN_URL_DEFAULT =
      "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

  /** WhatsApp: the Meta app secret that signs Cloud API callbacks ({@code X-Hub-Signature-256}). */
  public static final String WHATSAPP_APP_SECRET = "parley.whatsapp.app-secret";

  /** WhatsApp: the token Parley expects in the webhook verification request. */
  public static final String WHATSAPP_VERIFY_TOKEN = "parley.whatsapp.verify-token";

  /** WhatsApp: the access token (a system user's) the Cloud API's messages endpoint needs. */
  public static final String WHATSAPP_ACCESS_TOKEN = "parley.whatsapp.access-token";

  /** WhatsApp: the Graph API's base URL (with its version). */
  public static final String WHATSAPP_API_URL = "parley.whatsapp.api-url";

  public static final String WHATSAPP_API_URL_DEFAULT = "https://graph.facebook.com/v21.0";

  /** Slack: the signing secret of the app ({@code X-Slack-Signature}). */
  public static final String SLACK_SIGNING_SECRET = "parley.slack.signing-secret";

  /** Slack: the bot token for {@code chat.postMessage}. */
  public static final String SLACK_BOT_TOKEN = "parley.slack.bot-token";

  /** Slack: the Web API's base URL. */
  public static final String SLACK_API_URL = "parley.slack.api-url";

  public static final String SLACK_API_URL_DEFAULT = "https://slack.com/api";

  /** Telegram: the secret token given to {@code setWebhook}, sent back in every update. */
  public static final String TELEGRAM_SECRET_TOKEN = "parley.telegram.secret-token";

  /** Telegram: the bot's token for the Bot API. */
  public static final String TELEGRAM_BOT_TOKEN = "parley.telegram.bot-token";

  /** Telegram: the Bot API's base URL. */
  public static final String TELEGRAM_API_URL = "parley.telegram.api-url";

  public static final String TELEGRAM_API_URL_DEFAULT = "https://api.telegram.org";

  /**
   * Web chat: the key that signs session tokens (at least 32 characters). Unset: a random key per
   * start (sessions then end with a restart, and nodes do not share them).
   */
  public static final String WEBCHAT_TOKEN_SECRET = "parley.webchat.token-secret";

  /** Web chat: how long a session token is valid (ISO-8601). */
  public static final String WEBCHAT_TOKEN_TTL = "parley.webchat.token-ttl";

  public static final String WEBCHAT_TOKEN_TTL_DEFAULT = "PT12H";

  /** Admin console: how long a signed-in admin's session lasts without a request (ISO-8601). */
  public static final String ADMIN_SESSION_TIMEOUT = "parley.admin.session-timeout";

  public static final String ADMIN_SESSION_TIMEOUT_DEFAULT = "PT15M";

  /** Admin console: how often the dashboard refreshes its figures (ISO-8601). */
  public static final String ADMIN_DASHBOARD_REFRESH = "parley.admin.dashboard-refresh";

  public static final String ADMIN_DASHBOARD_REFRESH_DEFAULT = "PT5S";

  /**
   * Every channel: how many messages one user may send at once, then one per {@link
   * #LIMITS_USER_INTERVAL}. Above it the web chat answers 429; a platform's message is acknowledged
   * and shed (a refusal would make the platform send the flood again).
   */
  public static final String LIMITS_USER_BURST = "parley.limits.user.burst";

  public static final String LIMITS_USER_BURST_DEFAULT = "60";

  /** Every channel: the sustained spacing of one user's messages (ISO-8601; PT0S: no limit). */
  public static final String LIMITS_USER_INTERVAL = "parley.limits.user.interval";

  public static final String LIMITS_USER_INTERVAL_DEFAULT = "PT0.5S";

  /** Web chat: requests one client address may make at once, then one per the interval. */
  public static final String LIMITS_CLIENT_BURST = "parley.limits.client.burst";

  public static final String LIMITS_CLIENT_BURST_DEFAULT = "200";

  /** Web chat: the sustained spacing of one client address's requests (ISO-8601). */
  public static final String LIMITS_CLIENT_INTERVAL = "parley.limits.client.interval";

  public static final String LIMITS_CLIENT_INTERVAL_DEFAULT = "PT0.05S";

  /** Web chat: sessions one client address may open at once, then one per the interval. */
  public static final String LIMITS_SESSIONS_BURST = "parley.limits.sessions.burst";

  public static final String LIMITS_SESSIONS_BURST_DEFAULT = "20";

  /** Web chat: the sustained spacing of one client address's new sessions (ISO-8601). */
  public static final String LIMITS_SESSIONS_INTERVAL = "parley.limits.sessions.interval";

  public static final String LIMITS_SESSIONS_INTERVAL_DEFAULT = "PT6S";

  /** Telegram: replies one chat gets at once, then one per the interval (Bot API FAQ: 1/s). */
  public static final String TELEGRAM_SEND_BURST = "parley.telegram.send-burst";

  public static final String TELEGRAM_SEND_BURST_DEFAULT = "3";

  /** Telegram: the sustained spacing of replies into one chat (ISO-8601). */
  public static final String TELEGRAM_SEND_INTERVAL = "parley.telegram.send-interval";

  public static final String TELEGRAM_SEND_INTERVAL_DEFAULT = "PT1S";

  /** Slack: replies one channel gets at once, then one per the interval (chat.postMessage: 1/s). */
  public static final String SLACK_SEND_BURST = "parley.slack.send-burst";

  public static final String SLACK_SEND_BURST_DEFAULT = "5";

  /** Slack: the sustained spacing of replies into one channel (ISO-8601). */
  public static final String SLACK_SEND_INTERVAL = "parley.slack.send-interval";

  public static final String SLACK_SEND_INTERVAL_DEFAULT = "PT1S";

  /**
   * The longest one delivery attempt waits for a platform's {@code Retry-After}; a longer wait ends
   * the attempt, and the broker redelivers the reply (still in order).
   */
  public static final String DELIVERY_MAX_RATE_LIMIT_WAIT = "parley.delivery.max-rate-limit-wait";

  public static final String DELIVERY_MAX_RATE_LIMIT_WAIT_DEFAULT = "PT60S";

  /** Admin console: refused sign-ins for one name or address before it is locked out. */
  public static final String ADMIN_LOGIN_ATTEMPTS = "parley.admin.login.attempts";

  public static final String ADMIN_LOGIN_ATTEMPTS_DEFAULT = "5";

  /** Admin console: once locked out, one more sign-in attempt per this long (ISO-8601). */
  public static final String ADMIN_LOGIN_LOCKOUT = "parley.admin.login.lockout";

  public static final String ADMIN_LOGIN_LOCKOUT_DEFAULT = "PT1M";

  private ConfigKeys() {}
}
