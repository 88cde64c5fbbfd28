import { z } from 'zod';

/**
 * GET /api/sessions/:id/students (instructor): every student of the class with the id
 * their school knows them by, for the gradebook; null where none was entered.
 */
export const ClassStudent = z.object({ studentId: z.string(), name: z.string(), schoolId: z.string().nullable() });
export type ClassStudent = z.infer<typeof ClassStudent>;
export const ClassList = z.array(ClassStudent);
export type ClassList = z.infer<typeof ClassList>;
