import { ClassList, type ClassStudent } from '../../shared/class-list.ts';
import { SchoolIdBody } from '../../shared/session.ts';
import { parsedOrThrow, requestJson } from './connection.ts';

const studentsPath = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}/students`;

/** The class list with each student's school id, for the instructor. */
export async function fetchClassList(sessionId: string, secret: string): Promise<ClassList> {
  return parsedOrThrow(ClassList, await requestJson(studentsPath(sessionId), undefined, secret), 'class list');
}

/** Sets (or, blank, clears) a student's school id; what was stored comes back. */
export async function saveSchoolId(sessionId: string, secret: string, studentId: string, body: SchoolIdBody): Promise<Pick<ClassStudent, 'studentId' | 'schoolId'>> {
  const raw = await requestJson(`${studentsPath(sessionId)}/${encodeURIComponent(studentId)}/school-id`, { method: 'PUT', body: JSON.stringify(body) }, secret);
  return parsedOrThrow(SchoolIdBody.extend({ studentId: ClassList.element.shape.studentId }), raw, 'school id');
}
