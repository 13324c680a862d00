import {
  ApartmentOutlined,
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  FlagOutlined,
  HomeOutlined,
  LikeOutlined,
  LogoutOutlined,
  MenuOutlined,
  PlusOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { api } from "../api/client.ts";
import { useDepartments } from "../api/queries.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { Loading } from "../components/Loading.tsx";
import { useSession } from "../features/auth/session.ts";
import { NotificationBell } from "../features/notifications/NotificationBell.tsx";
import { groupNavItems } from "./nav-groups.ts";

function useNavItems() {
  const { t } = useTranslation();
  return [
    { key: "/", icon: <HomeOutlined />, label: <Link to="/">{t("nav.home")}</Link> },
    {
      key: "/check-in",
      icon: <CheckSquareOutlined />,
      label: <Link to="/check-in">{t("nav.checkInShort")}</Link>,
    },
    {
      key: "/objectives/new",
      icon: <PlusOutlined />,
      label: <Link to="/objectives/new">{t("nav.newObjective")}</Link>,
    },
    {
      key: "/proposals",
      icon: <TrophyOutlined />,
      label: (
        <Link to="/proposals" data-testid="nav-proposals">
          {t("proposals.nav")}
        </Link>
      ),
    },
    ...useInsightNavItems(),
    {
      key: "/recognitions",
      icon: <LikeOutlined />,
      label: <Link to="/recognitions">{t("recognitions.nav")}</Link>,
    },
    {
      key: "/meetings",
      icon: <ScheduleOutlined />,
      label: (
        <Link to="/meetings" data-testid="nav-meetings">
          {t("meetings.nav")}
        </Link>
      ),
    },
    {
      key: "/questions",
      icon: <QuestionCircleOutlined />,
      label: (
        <Link to="/questions" data-testid="nav-questions">
          {t("questions.nav")}
        </Link>
      ),
    },
    { key: "/guide", icon: <ReadOutlined />, label: <Link to="/guide">{t("guide.nav")}</Link> },
    {
      key: "/templates",
      icon: <AppstoreOutlined />,
      label: <Link to="/templates">{t("templates.nav")}</Link>,
    },
  ];
}

/**
 * Company, dashboards and the alignment map for everyone; my team for those someone reports to; rollout
 * for leaders; admin for admins.
 */
function useInsightNavItems() {
  const { t } = useTranslation();
  const session = useSession();
  const departments = useDepartments();
  const admin = session.abilities.manageOrg;
  const leads = (departments.data ?? []).some((d) => d.leaderId === session.user.id);
  return [
    { key: "/company", icon: <BankOutlined />, label: <Link to="/company">{t("nav.company")}</Link> },
    ...(session.abilities.viewTeam
      ? [{ key: "/team", icon: <TeamOutlined />, label: <Link to="/team">{t("nav.team")}</Link> }]
      : []),
    {
      key: "/dashboard",
      icon: <BarChartOutlined />,
      label: <Link to="/dashboard">{t("nav.dashboard")}</Link>,
    },
    {
      key: "/alignment-map",
      icon: <ApartmentOutlined />,
      label: <Link to="/alignment-map">{t("nav.alignmentMap")}</Link>,
    },
    ...(admin || leads
      ? [{ key: "/rollout", icon: <FlagOutlined />, label: <Link to="/rollout">{t("nav.rollout")}</Link> }]
      : []),
    ...(admin
      ? [{ key: "/admin", icon: <SettingOutlined />, label: <Link to="/admin">{t("nav.admin")}</Link> }]
      : []),
  ];
}

const SECTIONS = [
  "/company",
  "/team",
  "/dashboard",
  "/alignment-map",
  "/rollout",
  "/admin",
  "/recognitions",
  "/meetings",
  "/questions",
  "/guide",
  "/templates",
  "/proposals",
];

function selectedKey(pathname: string): string {
  if (pathname === "/objectives/new") return pathname;
  if (pathname.startsWith("/check-in")) return "/check-in";
  if (pathname.startsWith("/races")) return "/proposals";
  const section = SECTIONS.find((s) => pathname.startsWith(s));
  if (section) return section;
  if (pathname.startsWith("/departments/") || pathname.startsWith("/people/")) return "/company";
  return pathname === "/" ? "/" : "";
}

/** The signed-in shell: brand, navigation, language, the user's menu; a drawer on narrow screens. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = useNavItems();

  const handleLogout = async () => {
    try {
      await api.auth.logout();
    } catch {
      message.error(t("errors.network.title"));
      return;
    }
    // A full page load drops everything the signed-in screens held in memory, and no query of theirs
    // can refetch (and fail) on the way out.
    void queryClient.cancelQueries();
    window.location.assign("/login");
  };

  const userMenu = {
    items: [
      // 1:1s sit with the person's own things: every member may have a manager, and the bar stays in view.
      {
        key: "one-on-ones",
        icon: <CommentOutlined />,
        label: (
          <Link to="/one-on-ones" data-testid="nav-one-on-ones">
            {t("oneOnOnes.nav")}
          </Link>
        ),
      },
      { key: "profile", icon: <UserOutlined />, label: <Link to="/profile">{t("nav.profile")}</Link> },
      { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout"), onClick: () => void handleLogout() },
    ],
  };

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to="/" className="brand" aria-label={t("app.name")}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t("app.name")}</span>
        </Link>
        {isNarrow ? (
          <>
            <span className="app-header-org">{session.organization.name}</span>
            <NotificationBell />
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.menu")}
              data-testid="nav-menu"
              onClick={() => setDrawerOpen(true)}
            />
            <Drawer
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              title={session.user.name}
              size={280}
            >
              <Menu
                mode="vertical"
                selectedKeys={[selectedKey(location.pathname)]}
                items={[...items, ...userMenu.items]}
                onClick={() => setDrawerOpen(false)}
              />
              <div style={{ padding: "16px 12px" }}>
                <LanguageSwitch />
              </div>
            </Drawer>
          </>
        ) : (
          <>
            <Menu
              mode="horizontal"
              selectedKeys={[selectedKey(location.pathname)]}
              items={groupNavItems(items, [
                {
                  key: "insights",
                  label: <Link to="/dashboard">{t("nav.insights")}</Link>,
                  members: ["/dashboard", "/alignment-map", "/rollout"],
                },
                // Praise, meetings and CEO 面对面 fold into one entry, so the bar keeps its width.
                {
                  key: "conversations",
                  label: <Link to="/meetings">{t("meetings.navGroup")}</Link>,
                  members: ["/recognitions", "/meetings", "/questions"],
                },
                {
                  key: "learning",
                  label: <Link to="/guide">{t("guide.nav")}</Link>,
                  members: ["/guide", "/templates"],
                },
              ])}
              className="app-nav"
              aria-label={t("nav.main")}
            />
            <div className="app-header-right">
              <LanguageSwitch />
              <NotificationBell />
              <Dropdown menu={userMenu} trigger={["click"]}>
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  {session.user.name}
                </Button>
              </Dropdown>
            </div>
          </>
        )}
      </Layout.Header>
      <Layout.Content>
        <main className="page" id="main">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
