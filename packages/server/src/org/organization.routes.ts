import {
  AppError,
  type DepartmentAnswer,
  departmentInputSchema,
  departmentPatchSchema,
  departmentSchema,
  errorResponses,
  idempotencyHeadersSchema,
  idParamsSchema,
  MAX_MEMBER_IDS,
  MAX_MEMBERS_UNPAGED,
  type MemberAnswer,
  memberInputSchema,
  memberListQuerySchema,
  memberPageSchema,
  memberPatchSchema,
  memberSchema,
  noContentSchema,
  organizationSchema,
  orgPatchSchema,
  userIdParamsSchema,
  writeErrorResponses,
} from "@luodi/core";
import { findDepartment, findMember, findOrganization, listDepartments } from "@luodi/db";
import { z } from "zod";
import { linkBaseOf } from "../auth/account-links.ts";
import { parseSettings } from "../auth/resolve-auth.ts";
import type { AppContext } from "../context.ts";
import { callerOf, expectedVersion } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { presentDepartment, presentMember, presentOrganization } from "../presenters/presenters.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { mustExist } from "../services/must-exist.ts";
import { createDepartment, deleteDepartment, updateDepartment } from "./departments.ts";
import { listMembersFor } from "./list-members.ts";
import { createMember, updateMember } from "./members.ts";
import { updateOrganization } from "./update-organization.ts";

export async function organizationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/org",
    {
      schema: {
        tags: ["organization"],
        response: { 200: organizationSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { auth } = callerOf(ctx, request);
      return presentOrganization(auth.org, auth.settings);
    },
  );

  app.patch(
    "/org",
    {
      schema: {
        tags: ["organization"],
        body: orgPatchSchema,
        response: { 200: organizationSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      await updateOrganization(caller, patch, expectedVersion(request, version));
      const org = await findOrganization(ctx.db, caller.auth.org.id);
      if (!org) throw new AppError("organization.not_found");
      return presentOrganization(org, parseSettings(org));
    },
  );

  app.get(
    "/departments",
    {
      schema: {
        tags: ["organization"],
        response: { 200: z.array(departmentSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { auth } = callerOf(ctx, request);
      return (await listDepartments(ctx.db, auth.org.id)).map(presentDepartment);
    },
  );

  app.post(
    "/departments",
    {
      schema: {
        tags: ["organization"],
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: departmentInputSchema,
        response: { 201: departmentSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/departments", body: request.body },
        async () => ({ status: 201, made: await createDepartment(caller, request.body) }),
        async (id) =>
          presentDepartment(mustExist(await findDepartment(ctx.db, caller.auth.org.id, id), "department")),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as DepartmentAnswer);
    },
  );

  app.patch(
    "/departments/:id",
    {
      schema: {
        tags: ["organization"],
        params: idParamsSchema,
        body: departmentPatchSchema,
        response: { 200: departmentSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      await updateDepartment(caller, request.params.id, patch, expectedVersion(request, version));
      const department = await findDepartment(ctx.db, caller.auth.org.id, request.params.id);
      if (!department) throw new AppError("department.not_found");
      return presentDepartment(department);
    },
  );

  app.delete(
    "/departments/:id",
    {
      schema: {
        tags: ["organization"],
        params: idParamsSchema,
        response: { 204: noContentSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await deleteDepartment(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/members",
    {
      schema: {
        tags: ["organization"],
        description:
          "The organization's members by name; `q` finds them by a part of the name or email (any case), " +
          "`departmentId` keeps one department's, `ids` (user ids separated by commas, at most " +
          `${MAX_MEMBER_IDS}) only those people — the names a screen shows. With \`limit\` (1–200) or \`cursor\`, one page ` +
          "`{ items, nextCursor }` (`nextCursor` null at the end; `cursor` alone pages by 50); a cursor this list " +
          `did not give is refused with 400 \`request.invalid\`. With neither, at most ${MAX_MEMBERS_UNPAGED} ` +
          "as a bare array, as the first clients read it.",
        querystring: memberListQuerySchema,
        response: {
          200: z.union([z.array(memberSchema), memberPageSchema]),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => listMembersFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/members",
    {
      schema: {
        tags: ["organization"],
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: memberInputSchema,
        response: { 201: memberSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/members", body: request.body },
        async () => ({
          status: 201,
          made: await createMember(caller, request.body, { linkBase: linkBaseOf(ctx, request) }),
        }),
        async (userId) =>
          presentMember(mustExist(await findMember(ctx.db, caller.auth.org.id, userId), "member")),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as MemberAnswer);
    },
  );

  app.patch(
    "/members/:userId",
    {
      schema: {
        tags: ["organization"],
        params: userIdParamsSchema,
        body: memberPatchSchema,
        response: { 200: memberSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { version, ...patch } = request.body;
      await updateMember(caller, request.params.userId, patch, expectedVersion(request, version));
      const member = await findMember(ctx.db, caller.auth.org.id, request.params.userId);
      if (!member) throw new AppError("member.not_found");
      return presentMember(member);
    },
  );
}
