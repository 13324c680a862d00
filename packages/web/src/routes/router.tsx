import { createBrowserRouter } from "react-router";
import { AppLayout } from "./AppLayout.tsx";
import { NotFound } from "./NotFound.tsx";
import { RequireSession } from "./RequireSession.tsx";
import { RouteError } from "./RouteError.tsx";

/**
 * Every screen but the shell loads on demand, so the first page load stays small; the editor and the
 * charts are the heaviest and come only when opened.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: "/setup",
          lazy: async () => ({ Component: (await import("../features/auth/SetupPage.tsx")).SetupPage }),
        },
        {
          path: "/login",
          lazy: async () => ({ Component: (await import("../features/auth/LoginPage.tsx")).LoginPage }),
        },
        {
          path: "/forgot-password",
          lazy: async () => ({
            Component: (await import("../features/auth/ForgotPasswordPage.tsx")).ForgotPasswordPage,
          }),
        },
        {
          path: "/reset-password/:token",
          lazy: async () => ({
            Component: (await import("../features/auth/ResetPasswordPage.tsx")).ResetPasswordPage,
          }),
        },
        {
          path: "/invite/:token",
          lazy: async () => ({
            Component: (await import("../features/auth/AcceptInvitationPage.tsx")).AcceptInvitationPage,
          }),
        },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppLayout />,
              errorElement: <RouteError />,
              children: [
                {
                  index: true,
                  lazy: async () => ({ Component: (await import("../features/home/HomePage.tsx")).HomePage }),
                },
                {
                  path: "check-in",
                  lazy: async () => ({
                    Component: (await import("../features/check-in/CheckInPage.tsx")).CheckInPage,
                  }),
                },
                {
                  path: "objectives/new",
                  lazy: async () => ({
                    Component: (await import("../features/editor/EditorPage.tsx")).EditorPage,
                  }),
                },
                {
                  path: "objectives/:id/edit",
                  lazy: async () => ({
                    Component: (await import("../features/editor/EditorPage.tsx")).EditorPage,
                  }),
                },
                {
                  path: "objectives/:id",
                  lazy: async () => ({
                    Component: (await import("../features/objectives/ObjectivePage.tsx")).ObjectivePage,
                  }),
                },
                {
                  path: "notifications",
                  lazy: async () => ({
                    Component: (await import("../features/notifications/NotificationsPage.tsx"))
                      .NotificationsPage,
                  }),
                },
                {
                  path: "profile",
                  lazy: async () => ({
                    Component: (await import("../features/auth/ProfilePage.tsx")).ProfilePage,
                  }),
                },
                {
                  path: "admin",
                  lazy: async () => ({
                    Component: (await import("../features/admin/AdminPage.tsx")).AdminPage,
                  }),
                },
                {
                  path: "import",
                  lazy: async () => ({
                    Component: (await import("../features/data-import/ImportPage.tsx")).ImportPage,
                  }),
                },
                {
                  path: "dashboard",
                  lazy: async () => ({
                    Component: (await import("../features/dashboard/DashboardPage.tsx")).DashboardPage,
                  }),
                },
                {
                  path: "rollout",
                  lazy: async () => ({
                    Component: (await import("../features/rollout/RolloutPage.tsx")).RolloutPage,
                  }),
                },
                {
                  path: "team",
                  lazy: async () => ({
                    Component: (await import("../features/team/TeamPage.tsx")).TeamPage,
                  }),
                },
                {
                  path: "alignment-map",
                  lazy: async () => ({
                    Component: (await import("../features/alignment-map/AlignmentMapPage.tsx"))
                      .AlignmentMapPage,
                  }),
                },
                {
                  path: "company",
                  lazy: async () => ({
                    Component: (await import("../features/org/CompanyPage.tsx")).CompanyPage,
                  }),
                },
                {
                  path: "departments/:id",
                  lazy: async () => ({
                    Component: (await import("../features/org/DepartmentPage.tsx")).DepartmentPage,
                  }),
                },
                {
                  path: "departments/:id/insights",
                  lazy: async () => ({
                    Component: (await import("../features/people/TeamInsightsPage.tsx")).TeamInsightsPage,
                  }),
                },
                {
                  path: "talent-reviews",
                  lazy: async () => ({
                    Component: (await import("../features/talent-reviews/TalentReviewsPage.tsx"))
                      .TalentReviewsPage,
                  }),
                },
                {
                  path: "talent-reviews/calibration",
                  lazy: async () => ({
                    Component: (await import("../features/talent-reviews/CalibrationPage.tsx"))
                      .CalibrationPage,
                  }),
                },
                {
                  path: "talent-reviews/:id",
                  lazy: async () => ({
                    Component: (await import("../features/talent-reviews/TalentReviewPage.tsx"))
                      .TalentReviewPage,
                  }),
                },
                {
                  path: "people/:id",
                  lazy: async () => ({
                    Component: (await import("../features/org/PersonPage.tsx")).PersonPage,
                  }),
                },
                {
                  path: "one-on-ones",
                  lazy: async () => ({
                    Component: (await import("../features/one-on-ones/OneOnOnesPage.tsx")).OneOnOnesPage,
                  }),
                },
                {
                  path: "one-on-ones/:id",
                  lazy: async () => ({
                    Component: (await import("../features/one-on-ones/OneOnOnePage.tsx")).OneOnOnePage,
                  }),
                },
                {
                  path: "meetings",
                  lazy: async () => ({
                    Component: (await import("../features/meetings/MeetingsPage.tsx")).MeetingsPage,
                  }),
                },
                {
                  path: "meetings/:id",
                  lazy: async () => ({
                    Component: (await import("../features/meetings/MeetingPage.tsx")).MeetingPage,
                  }),
                },
                {
                  path: "meetings/:id/present",
                  lazy: async () => ({
                    Component: (await import("../features/meetings/PresenterPage.tsx")).PresenterPage,
                  }),
                },
                {
                  path: "questions",
                  lazy: async () => ({
                    Component: (await import("../features/meetings/QuestionsPage.tsx")).QuestionsPage,
                  }),
                },
                {
                  path: "proposals",
                  lazy: async () => ({
                    Component: (await import("../features/proposals/ProposalsPage.tsx")).ProposalsPage,
                  }),
                },
                {
                  path: "proposals/new",
                  lazy: async () => ({
                    Component: (await import("../features/proposals/NewProposalPage.tsx")).NewProposalPage,
                  }),
                },
                {
                  path: "proposals/:id",
                  lazy: async () => ({
                    Component: (await import("../features/proposals/ProposalPage.tsx")).ProposalPage,
                  }),
                },
                {
                  path: "races",
                  lazy: async () => ({
                    Component: (await import("../features/proposals/RacePage.tsx")).RacePage,
                  }),
                },
                {
                  path: "recognitions",
                  lazy: async () => ({
                    Component: (await import("../features/recognitions/RecognitionsPage.tsx"))
                      .RecognitionsPage,
                  }),
                },
                {
                  path: "guide",
                  lazy: async () => ({
                    Component: (await import("../features/guide/GuidePage.tsx")).GuidePage,
                  }),
                },
                {
                  path: "templates",
                  lazy: async () => ({
                    Component: (await import("../features/guide/TemplatesPage.tsx")).TemplatesPage,
                  }),
                },
                { path: "*", element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
