import type {
  App,
  HTTPReceiverOptions,
  Installation,
  InstallationQuery,
  InstallationStore,
  webApi,
} from "@slack/bolt";
import type { Installations, Logger } from "../../src/index.ts";
import type { SlackConfig } from "./config.ts";

/** The platform name installations are filed under in the store. */
const PLATFORM = "slack";

type Where = {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
};

/**
 * The key of an installation: the organisation for an org-wide (Enterprise Grid) install, where
 * one install serves every workspace of it, else the workspace.
 */
export function installationKey(where: Where): string {
  if (where.isEnterpriseInstall && where.enterpriseId) return `E:${where.enterpriseId}`;
  if (where.teamId) return `T:${where.teamId}`;
  throw new Error("an installation without a workspace or organisation id");
}

/** Bolt's installation store, kept in the project's database and shared by every replica. */
export function toInstallationStore(
  installations: Installations,
  onChange: () => Promise<void> = async () => {},
): InstallationStore {
  const keyOf = (i: Installation<"v1" | "v2", boolean>) =>
    installationKey({
      isEnterpriseInstall: i.isEnterpriseInstall,
      enterpriseId: i.enterprise?.id,
      teamId: i.team?.id,
    });
  return {
    // Called on a new install and again when Bolt has rotated the tokens (token rotation).
    storeInstallation: async (installation) => {
      await installations.save(PLATFORM, keyOf(installation), installation);
      await onChange();
    },
    fetchInstallation: async (query) => {
      const found = await installations.find(PLATFORM, installationKey(query));
      if (found === null) throw new Error(`citebot is not installed in ${installationKey(query)}`);
      return found as Installation<"v1" | "v2", boolean>;
    },
    deleteInstallation: async (query) => {
      await installations.remove(PLATFORM, installationKey(query));
      await onChange();
    },
  };
}

/** How many workspaces (or organisations) citebot is installed in. */
export const countInstallations = (installations: Installations) => installations.count(PLATFORM);

/**
 * The HTTP receiver's OAuth settings: `/slack/install` redirects straight to Slack's consent
 * page with a signed `state` also set as a cookie, and `/slack/oauth_redirect` checks both
 * before exchanging the code (oauth.v2.access) and saving the installation.
 */
export function toOAuthOptions(
  config: Extract<SlackConfig, { mode: "oauth" }>,
  installationStore: InstallationStore,
  clientOptions: webApi.WebClientOptions,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    scopes: config.scopes,
    installationStore,
    installerOptions: {
      directInstall: true,
      installPath: "/slack/install",
      redirectUriPath: "/slack/oauth_redirect",
      stateVerification: true,
      clientOptions,
    },
  };
}

/**
 * Forgets a workspace when the app is uninstalled there or its bot token is revoked, so no
 * replica answers there again (Bolt then finds no installation and drops its events).
 */
export function registerUninstall(
  app: App,
  installationStore: InstallationStore,
  logger: Logger,
): void {
  const forget = async (reason: string, context: Where) => {
    const where = installationKey(context);
    await installationStore.deleteInstallation?.(context as InstallationQuery<boolean>);
    logger.info(`slack: ${reason}; installation removed`, { installation: where });
  };
  app.event("app_uninstalled", async ({ context }) => forget("uninstalled", context));
  app.event("tokens_revoked", async ({ event, context }) => {
    // Only the bot token matters: citebot keeps no user tokens.
    if ((event.tokens.bot ?? []).length > 0) await forget("bot token revoked", context);
  });
}
