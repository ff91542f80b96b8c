package org.kinbridge.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A deterministic OneRoster 1.2 CSV package of a made-up district, for tests and benchmarks: the same seed and
 * size always give the same bytes. Rows are written as they are made (a zip is streamed to disk, never held in
 * memory); only a few ints per family are kept.
 *
 * <p>Shape: families of 1–3 children (55 / 33 / 12 %) sharing 1–2 parents (80 % two), with 0–2 relatives
 * (45 / 35 / 20 %); every child-adult pair of a family is listed on the student's row, the adult's row, or both
 * (40 / 30 / 30 %). Parents hold {@code parent} (88 %) or {@code guardian} as their primary role, 3 % also a
 * secondary {@code teacher} role and 2 % a secondary {@code guardian} role. Each student has five enrollments, classes
 * hold about 25 students, every class a teacher, each teacher five classes. A few student rows list a teacher (0.3 %)
 * or an id nobody has (0.2 %): rejected links, never counted as valid. Family {@code f}'s shape depends on the seed
 * and {@code f} only, so a smaller package of the same seed holds the first families of a larger one (the last one
 * possibly with fewer children).
 *
 * <p>{@link #delta(double)} gives a delta package over the bulk one that restates about that share of users:
 * a third in split families (the second parent leaves: the children's rows and that parent's row are restated
 * without the pair), a third students set {@code tobedeleted}, a third new families. The {@link Report} of each
 * package says exactly how many active parent-child links the roster should have once it is imported.
 *
 * <p>From the command line (JDK only, so {@code javac} of this one file is enough):
 * {@code java -cp <classes> org.kinbridge.testing.OneRosterGenerator --students=150000 --seed=42
 * --zip=bulk.zip --folder=bulk-csv --delta=0.01 --delta-zip=delta.zip --delta-folder=delta-csv}
 * prints each report as {@code key=value} lines.
 */
public final class OneRosterGenerator {

    public static final String[] FILES = {"manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv",
        "classes.csv", "users.csv", "roles.csv", "enrollments.csv"};

    static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
            + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
            + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns";
    static final String ROLES_HEADER = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
            + "orgSourcedId,userProfileSourcedId";
    static final String ENROLLMENTS_HEADER = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
            + "userSourcedId,role,primary,beginDate,endDate";
    static final String ORGS_HEADER = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    static final String CLASSES_HEADER = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
            + "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
    static final String COURSES_HEADER = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
            + "orgSourcedId,subjects,subjectCodes";
    static final String SESSIONS_HEADER = "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
            + "parentSourcedId,schoolYear";

    private static final String DELTA_MODIFIED = "2026-03-02T08:00:00.000Z";
    private static final int MAX_CHILDREN = 3;
    private static final int MAX_ADULTS = 4;
    private static final int ENROLLMENTS_PER_STUDENT = 5;
    private static final int STUDENTS_PER_CLASS = 25;
    private static final int CLASSES_PER_TEACHER = 5;
    private static final int COURSES_PER_SCHOOL = 20;
    private static final String[] GIVEN = {"Ava", "Ben", "Chloe", "Dev", "Elif", "Finn", "Grace", "Hugo", "Isla", "Jon",
        "Kai", "Lena", "Milo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wren", "Yusuf",
        "Zoe", "Aarav", "Bea", "Cem", "Dara", "Emil"};
    private static final String[] FAMILY = {"Adeyemi", "Brown", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes",
        "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Nowak", "O'Brien", "Patel", "Quispe", "Rossi", "Smith", "Tanaka",
        "Ueda", "Varga", "Wilson", "Xu", "Yilmaz", "Zhang", "Murphy", "Kowalski", "Silva", "Novak"};
    private static final String[] SUBJECTS = {"Mathematics", "English", "Science", "History", "Geography", "Art",
        "Music", "Physical Education", "Computing", "French"};

    private final long seed;
    private final int students;
    private final int schools;
    private final int deflateLevel;

    private final GeneratedPackage bulkPackage = new GeneratedPackage() {
        @Override
        void write(Sink sink, Report report) throws IOException {
            writeBulk(sink, report);
        }

        @Override
        int deflateLevel() {
            return deflateLevel;
        }
    };

    // Laid out once: where each family's students and adults start, and the classes per school.
    private final int families;
    private final int[] familyStudentStart;
    private final int[] familyAdultStart;
    private final int adults;
    private final int[] classesOfSchool;
    private final int[] classStartOfSchool;
    private final int[] teachersOfSchool;
    private final int[] teacherStartOfSchool;
    private final int totalClasses;
    private final int teachers;

    private OneRosterGenerator(long seed, int students, int schools, int deflateLevel) {
        if (students < 1 || schools < 1) {
            throw new IllegalArgumentException("At least one student and one school");
        }
        this.seed = seed;
        this.students = students;
        this.schools = schools;
        this.deflateLevel = deflateLevel;
        int[] studentStart = new int[students + 1];
        int[] adultStart = new int[students + 1];
        int[] studentsOfSchool = new int[schools];
        int f = 0;
        int s = 0;
        int a = 0;
        Family family = new Family();
        while (s < students) {
            shape(f, family);
            family.children = Math.min(family.children, students - s);
            studentStart[f] = s;
            adultStart[f] = a;
            studentsOfSchool[family.school] += family.children;
            s += family.children;
            a += family.adults();
            f++;
        }
        studentStart[f] = s;
        adultStart[f] = a;
        this.families = f;
        this.familyStudentStart = java.util.Arrays.copyOf(studentStart, f + 1);
        this.familyAdultStart = java.util.Arrays.copyOf(adultStart, f + 1);
        this.adults = a;
        this.classesOfSchool = new int[schools];
        this.classStartOfSchool = new int[schools];
        this.teachersOfSchool = new int[schools];
        this.teacherStartOfSchool = new int[schools];
        int classes = 0;
        int teacherCount = 0;
        for (int school = 0; school < schools; school++) {
            int perSchool = Math.max(1, (studentsOfSchool[school] * ENROLLMENTS_PER_STUDENT + STUDENTS_PER_CLASS - 1)
                    / STUDENTS_PER_CLASS);
            classesOfSchool[school] = perSchool;
            classStartOfSchool[school] = classes;
            teachersOfSchool[school] = (perSchool + CLASSES_PER_TEACHER - 1) / CLASSES_PER_TEACHER;
            teacherStartOfSchool[school] = teacherCount;
            classes += perSchool;
            teacherCount += teachersOfSchool[school];
        }
        this.totalClasses = classes;
        this.teachers = teacherCount;
    }

    /** The bulk package of {@code students} students in {@code schools} schools (deflate level 1: fast). */
    public static OneRosterGenerator bulk(long seed, int students, int schools) {
        return new OneRosterGenerator(seed, students, schools, Deflater.BEST_SPEED);
    }

    /** The benchmark shape: 150,000 students in 8 schools. */
    public static OneRosterGenerator benchmark(long seed) {
        return bulk(seed, 150_000, 8);
    }

    public OneRosterGenerator withDeflateLevel(int level) {
        return new OneRosterGenerator(seed, students, schools, level);
    }

    /** A delta over this bulk package restating about {@code share} of its users. */
    public Delta delta(double share) {
        return new Delta(share);
    }

    public int students() {
        return students;
    }

    public int adults() {
        return adults;
    }

    public int teachers() {
        return teachers;
    }

    public int families() {
        return families;
    }

    /** Writes the bulk package as a zip, file by file, streaming. */
    public Report writeZip(Path zip) {
        return bulkPackage.writeZip(zip);
    }

    /** Writes the bulk package's CSV files into a folder. */
    public Report writeFolder(Path folder) {
        return bulkPackage.writeFolder(folder);
    }

    public byte[] zipBytes() {
        return bulkPackage.zipBytes();
    }

    /** The report of the bulk package without writing it. */
    public Report report() {
        return bulkPackage.report();
    }

    /**
     * What the bulk package and a delta share: written as a zip (file by file, streaming), as a folder of CSV files
     * (for {@code psql \copy}, or as an unzipped package), as zip bytes (small packages, in tests), or only counted.
     */
    public abstract static class GeneratedPackage {

        abstract void write(Sink sink, Report report) throws IOException;

        abstract int deflateLevel();

        public Report writeZip(Path zip) {
            return writeTo(new ZipSink(zip, deflateLevel()));
        }

        public Report writeFolder(Path folder) {
            return writeTo(new FolderSink(folder));
        }

        public byte[] zipBytes() {
            try {
                Path file = Files.createTempFile("oneroster-", ".zip");
                try {
                    writeZip(file);
                    return Files.readAllBytes(file);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the package holds, without writing it. */
        public Report report() {
            return writeTo(new NullSink());
        }

        private Report writeTo(Sink sink) {
            Report report = new Report("");
            try (sink) {
                write(sink, report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return report;
        }
    }

    // ------------------------------------------------------------------------------------------------ bulk

    private void writeBulk(Sink sink, Report report) throws IOException {
        report.kind = "bulk";
        writeManifest(sink, "bulk", report);
        writeStaticFiles(sink, report);
        Family family = new Family();
        Csv users = sink.begin("users.csv", USERS_HEADER);
        for (int f = 0; f < families; f++) {
            load(f, family);
            for (int c = 0; c < family.children; c++) {
                studentRow(users, family, c, "", "", -1, report);
            }
            for (int a = 0; a < family.adults(); a++) {
                adultRow(users, family, a, "", "", -1);
            }
            report.expectedActiveLinks += (long) family.children * family.adults();
            countLinkRoles(family, report, -1, 1);
            for (int c = 0; c < family.children; c++) {
                for (int a = 0; a < family.adults(); a++) {
                    report.count(switch (family.direction[c][a]) {
                        case Family.ON_STUDENT_ROW -> "listed_on_student_row_only";
                        case Family.ON_ADULT_ROW -> "listed_on_guardian_row_only";
                        default -> "listed_on_both_rows";
                    });
                }
            }
        }
        for (int school = 0; school < schools; school++) {
            for (int t = 0; t < teachersOfSchool[school]; t++) {
                teacherRow(users, school, t);
            }
        }
        report.rows.put("users.csv", users.rows());
        sink.end(users);

        Csv roles = sink.begin("roles.csv", ROLES_HEADER);
        for (int f = 0; f < families; f++) {
            load(f, family);
            familyRoles(roles, family, "", "");
        }
        for (int school = 0; school < schools; school++) {
            for (int t = 0; t < teachersOfSchool[school]; t++) {
                String id = teacherId(school, t);
                roles.row("rol-" + id + "-p", "", "", id, "primary", "teacher", "2025-09-01", "", schoolId(school), "");
            }
        }
        report.rows.put("roles.csv", roles.rows());
        sink.end(roles);

        Csv enrollments = sink.begin("enrollments.csv", ENROLLMENTS_HEADER);
        for (int f = 0; f < families; f++) {
            load(f, family);
            for (int c = 0; c < family.children; c++) {
                studentEnrollments(enrollments, family, c, "", "");
            }
        }
        for (int school = 0; school < schools; school++) {
            for (int k = 0; k < classesOfSchool[school]; k++) {
                String teacher = teacherId(school, k / CLASSES_PER_TEACHER);
                enrollments.row("enr-" + classId(school, k) + "-t", "", "", classId(school, k), schoolId(school),
                        teacher, "teacher", "true", "2025-09-01", "2026-07-15");
            }
        }
        report.rows.put("enrollments.csv", enrollments.rows());
        sink.end(enrollments);

        report.students = students;
        report.adults = adults;
        report.teachers = teachers;
        report.families = families;
    }

    private void writeManifest(Sink sink, String mode, Report report) throws IOException {
        boolean delta = mode.equals("delta");
        Csv manifest = sink.begin("manifest.csv", "propertyName,value");
        manifest.row("manifest.version", "1.0");
        manifest.row("oneroster.version", "1.2");
        manifest.row("file.academicSessions", delta ? "absent" : "bulk");
        manifest.row("file.categories", "absent");
        manifest.row("file.classes", delta ? "absent" : "bulk");
        manifest.row("file.classResources", "absent");
        manifest.row("file.courses", delta ? "absent" : "bulk");
        manifest.row("file.courseResources", "absent");
        manifest.row("file.demographics", "absent");
        manifest.row("file.enrollments", mode);
        manifest.row("file.lineItems", "absent");
        manifest.row("file.orgs", delta ? "absent" : "bulk");
        manifest.row("file.resources", "absent");
        manifest.row("file.results", "absent");
        manifest.row("file.roles", mode);
        manifest.row("file.userProfiles", "absent");
        manifest.row("file.users", mode);
        manifest.row("source.systemName", "Kinbridge OneRosterGenerator");
        manifest.row("source.systemCode", "seed-" + seed);
        report.rows.put("manifest.csv", manifest.rows());
        sink.end(manifest);
    }

    private void writeStaticFiles(Sink sink, Report report) throws IOException {
        Csv orgs = sink.begin("orgs.csv", ORGS_HEADER);
        orgs.row("org-district", "", "", "Generated District " + seed, "district", "D" + seed, "");
        for (int school = 0; school < schools; school++) {
            orgs.row(schoolId(school), "", "", "School " + (school + 1) + ", Generated District", "school",
                    "S" + (1000 + school), "org-district");
        }
        report.rows.put("orgs.csv", orgs.rows());
        sink.end(orgs);

        Csv sessions = sink.begin("academicSessions.csv", SESSIONS_HEADER);
        sessions.row("as-2026", "", "", "2025-2026", "schoolYear", "2025-09-01", "2026-07-15", "", "2026");
        sessions.row("as-2026-t1", "", "", "Autumn 2025", "term", "2025-09-01", "2026-01-31", "as-2026", "2026");
        sessions.row("as-2026-t2", "", "", "Spring 2026", "term", "2026-02-01", "2026-07-15", "as-2026", "2026");
        report.rows.put("academicSessions.csv", sessions.rows());
        sink.end(sessions);

        Csv courses = sink.begin("courses.csv", COURSES_HEADER);
        for (int school = 0; school < schools; school++) {
            for (int k = 0; k < COURSES_PER_SCHOOL; k++) {
                String subject = SUBJECTS[k % SUBJECTS.length];
                courses.row(courseId(school, k), "", "", "as-2026", subject + " " + (k / SUBJECTS.length + 1),
                        "C" + school + "-" + k, String.valueOf(k % 12 + 1), schoolId(school), subject, "");
            }
        }
        report.rows.put("courses.csv", courses.rows());
        sink.end(courses);

        Csv classes = sink.begin("classes.csv", CLASSES_HEADER);
        for (int school = 0; school < schools; school++) {
            for (int k = 0; k < classesOfSchool[school]; k++) {
                int course = k % COURSES_PER_SCHOOL;
                String subject = SUBJECTS[course % SUBJECTS.length];
                classes.row(classId(school, k), "", "", subject + " group " + (k / COURSES_PER_SCHOOL + 1),
                        String.valueOf(course % 12 + 1), courseId(school, course), "K" + school + "-" + k, "scheduled",
                        "Room " + (k % 40 + 1), schoolId(school), "as-2026-t1,as-2026-t2", subject, "",
                        String.valueOf(k % 6 + 1));
            }
        }
        report.rows.put("classes.csv", classes.rows());
        sink.end(classes);
    }

    // ---------------------------------------------------------------------------------------------- rows

    /**
     * A student's users.csv row. {@code leavingAdult} (or -1) is an adult the row no longer lists (a split family).
     */
    private void studentRow(Csv users, Family family, int c, String status, String modified, int leavingAdult,
                            Report report) throws IOException {
        String id = studentId(family.studentStart + c);
        StringBuilder agents = new StringBuilder();
        for (int a = 0; a < family.adults(); a++) {
            if (a != leavingAdult && family.direction[c][a] != Family.ON_ADULT_ROW) {
                append(agents, adultId(family.adultStart + a));
            }
        }
        switch (family.noise[c]) {
            case Family.LISTS_TEACHER -> {
                append(agents, teacherId(family.school, 0));
                report.count("rejected:teacher");
            }
            case Family.LISTS_NOBODY -> {
                append(agents, "ghost-" + id);
                report.count("rejected:dangling");
            }
            default -> {
            }
        }
        String given = GIVEN[family.given[c]];
        String familyName = FAMILY[family.familyName];
        int grade = family.grade[c];
        users.row(id, status, modified, "true", id.replace("-", ""), "{MIS:" + (700000 + family.studentStart + c) + "}",
                given, familyName, "", "ID" + (family.studentStart + c), id.replace("-", "") + "@pupils.example.org",
                "", "", agents.toString(), padded(new StringBuilder(), grade, 2).toString(), "", "UPN" + (family.studentStart + c), "",
                "", "", "", schoolId(family.school), "");
    }

    private void adultRow(Csv users, Family family, int a, String status, String modified, int forgetChildren)
            throws IOException {
        String id = adultId(family.adultStart + a);
        StringBuilder agents = new StringBuilder();
        if (forgetChildren < 0) {
            for (int c = 0; c < family.children; c++) {
                if (family.direction[c][a] != Family.ON_STUDENT_ROW) {
                    append(agents, studentId(family.studentStart + c));
                }
            }
        }
        String given = GIVEN[family.given[MAX_CHILDREN + a]];
        String familyName = FAMILY[a < family.parents ? family.familyName : family.relativeFamilyName];
        String mail = given.toLowerCase() + "." + id.replace("-", "") + "@mail.example.com";
        users.row(id, status, modified, "true", mail, "", given, familyName, "", "", mail,
                padded(new StringBuilder("+44 7700 "), (family.adultStart + a) % 1_000_000, 6).toString(), "", agents.toString(), "", "",
                "", "", "", "", "", schoolId(family.school), "");
    }

    private void teacherRow(Csv users, int school, int t) throws IOException {
        String id = teacherId(school, t);
        String given = GIVEN[(school * 7 + t) % GIVEN.length];
        String familyName = FAMILY[(school * 13 + t * 3) % FAMILY.length];
        users.row(id, "", "", "true", id.replace("-", ""), "", given, familyName, "", "T" + school + "-" + t,
                id.replace("-", "") + "@staff.example.org", "", "", "", "", "", "", "", "", "", "", schoolId(school), "");
    }

    private void familyRoles(Csv roles, Family family, String status, String modified) throws IOException {
        for (int c = 0; c < family.children; c++) {
            String id = studentId(family.studentStart + c);
            roles.row("rol-" + id + "-p", status, modified, id, "primary", "student", "2025-09-01", "",
                    schoolId(family.school), "");
        }
        for (int a = 0; a < family.adults(); a++) {
            adultRoles(roles, family, a, status, modified);
        }
    }

    private void adultRoles(Csv roles, Family family, int a, String status, String modified) throws IOException {
        String id = adultId(family.adultStart + a);
        roles.row("rol-" + id + "-p", status, modified, id, "primary", family.primaryRole(a), "", "",
                schoolId(family.school), "");
        String second = family.secondRole(a);
        if (second != null) {
            roles.row("rol-" + id + "-s", status, modified, id, "secondary", second, "", "",
                    schoolId((family.school + 1) % schools), "");
        }
    }

    private void studentEnrollments(Csv enrollments, Family family, int c, String status, String modified)
            throws IOException {
        int student = family.studentStart + c;
        int school = family.school;
        int classes = classesOfSchool[school];
        int first = (int) Long.remainderUnsigned(mix(seed ^ 0x5EEDL, student), classes);
        for (int k = 0; k < Math.min(ENROLLMENTS_PER_STUDENT, classes); k++) {
            String classId = classId(school, (first + k) % classes);
            enrollments.row("enr-" + studentId(student) + "-" + k, status, modified, classId, schoolId(school),
                    studentId(student), "student", "false", "2025-09-01", "2026-07-15");
        }
    }

    private void countLinkRoles(Family family, Report report, int leavingAdult, int sign) {
        for (int a = 0; a < family.adults(); a++) {
            if (a != leavingAdult) {
                report.rows.merge("links:" + family.reportedRole(a), (long) sign * family.children, Long::sum);
            }
        }
    }

    // ----------------------------------------------------------------------------------------- families

    /** One family, its random choices all drawn up front (so truncating the children changes nothing else). */
    private static final class Family {
        static final int ON_STUDENT_ROW = 0;
        static final int ON_ADULT_ROW = 1;
        static final int ON_BOTH_ROWS = 2;
        static final int LISTS_TEACHER = 1;
        static final int LISTS_NOBODY = 2;

        int studentStart;
        int adultStart;
        int school;
        int children;
        int parents;
        int relatives;
        final int[][] direction = new int[MAX_CHILDREN][MAX_ADULTS];
        final int[] noise = new int[MAX_CHILDREN];
        final int[] grade = new int[MAX_CHILDREN];
        final int[] given = new int[MAX_CHILDREN + MAX_ADULTS];
        final boolean[] guardianPrimary = new boolean[MAX_ADULTS];
        final int[] secondRole = new int[MAX_ADULTS]; // 0 none, 1 teacher, 2 guardian
        int familyName;
        int relativeFamilyName;

        int adults() {
            return parents + relatives;
        }

        String primaryRole(int a) {
            if (a >= parents) {
                return "relative";
            }
            return guardianPrimary[a] ? "guardian" : "parent";
        }

        String secondRole(int a) {
            if (a >= parents) {
                return null;
            }
            return switch (secondRole[a]) {
                case 1 -> "teacher";
                case 2 -> "guardian";
                default -> null;
            };
        }

        /** What Kinbridge reports: the primary role, a family role here for everyone. */
        String reportedRole(int a) {
            return primaryRole(a);
        }
    }

    private void shape(int f, Family family) {
        SplittableRandom random = new SplittableRandom(mix(seed, f));
        family.school = random.nextInt(schools);
        double children = random.nextDouble();
        family.children = children < 0.55 ? 1 : children < 0.88 ? 2 : 3;
        family.parents = random.nextDouble() < 0.8 ? 2 : 1;
        double relatives = random.nextDouble();
        family.relatives = relatives < 0.45 ? 0 : relatives < 0.80 ? 1 : 2;
        for (int c = 0; c < MAX_CHILDREN; c++) {
            for (int a = 0; a < MAX_ADULTS; a++) {
                int d = random.nextInt(10);
                family.direction[c][a] = d < 4 ? Family.ON_STUDENT_ROW : d < 7 ? Family.ON_ADULT_ROW : Family.ON_BOTH_ROWS;
            }
            int noise = random.nextInt(1000);
            family.noise[c] = noise < 3 ? Family.LISTS_TEACHER : noise < 5 ? Family.LISTS_NOBODY : 0;
            family.grade[c] = 1 + random.nextInt(12);
        }
        for (int a = 0; a < MAX_ADULTS; a++) {
            family.guardianPrimary[a] = random.nextInt(100) < 12;
            int second = random.nextInt(100);
            family.secondRole[a] = second < 3 ? 1 : second < 5 && !family.guardianPrimary[a] ? 2 : 0;
        }
        for (int i = 0; i < family.given.length; i++) {
            family.given[i] = random.nextInt(GIVEN.length);
        }
        family.familyName = random.nextInt(FAMILY.length);
        family.relativeFamilyName = random.nextInt(FAMILY.length);
    }

    /** Family {@code f} of the bulk package, with where its people's ids start. */
    private void load(int f, Family family) {
        shape(f, family);
        family.studentStart = familyStudentStart[f];
        family.adultStart = familyAdultStart[f];
        family.children = familyStudentStart[f + 1] - familyStudentStart[f];
    }

    private static long mix(long seed, long value) {
        long z = seed * 0x9E3779B97F4A7C15L + value * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static String studentId(int index) {
        return padded(new StringBuilder("stu-"), index + 1, 7).toString();
    }

    public static String adultId(int index) {
        return padded(new StringBuilder("adu-"), index + 1, 7).toString();
    }

    static String teacherId(int school, int t) {
        return padded(padded(new StringBuilder("tch-"), school + 1, 2).append('-'), t + 1, 5).toString();
    }

    static String schoolId(int school) {
        return padded(new StringBuilder("org-sch-"), school + 1, 2).toString();
    }

    private static String classId(int school, int k) {
        return padded(padded(new StringBuilder("cls-"), school + 1, 2).append('-'), k + 1, 5).toString();
    }

    private static String courseId(int school, int k) {
        return padded(padded(new StringBuilder("crs-"), school + 1, 2).append('-'), k + 1, 2).toString();
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits (String.format is slow). */
    private static StringBuilder padded(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(digits);
    }

    private static void append(StringBuilder list, String id) {
        if (list.length() > 0) {
            list.append(',');
        }
        list.append(id);
    }

    // ---------------------------------------------------------------------------------------------- delta

    /**
     * A delta package over the bulk one. Families are picked by a seeded draw: split families need two parents,
     * deleted students (the first child) come from other families, new families continue the bulk's numbering.
     */
    public final class Delta extends GeneratedPackage {
        private static final byte SPLIT = 1;
        private static final byte DELETE = 2;

        private final double share;
        private final byte[] change = new byte[families];
        private final int newFamilies;
        private final int[] newStudentStart;
        private final int[] newAdultStart;

        private Delta(double share) {
            if (share <= 0 || share >= 0.5) {
                throw new IllegalArgumentException("A delta restates between 0 and 50 % of users");
            }
            this.share = share;
            double users = students + adults + teachers;
            double perThird = users * share / 3;
            // Average users restated: a split family its children (1.57) and one parent; a deletion one student;
            // a new family 1.57 children and 2.55 adults.
            double splitFamilies = perThird / 2.57;
            double pSplit = Math.min(1, splitFamilies / (0.8 * families));
            double pDelete = Math.min(1, perThird / families);
            SplittableRandom random = new SplittableRandom(mix(seed, -1));
            Family family = new Family();
            for (int f = 0; f < families; f++) {
                load(f, family);
                double draw = random.nextDouble();
                if (family.parents == 2 && draw < pSplit) {
                    change[f] = SPLIT;
                } else if (draw >= 0.5 && draw - 0.5 < pDelete) {
                    change[f] = DELETE;
                }
            }
            this.newFamilies = Math.max(1, (int) Math.round(perThird / 4.12));
            this.newStudentStart = new int[newFamilies];
            this.newAdultStart = new int[newFamilies];
            int studentStart = familyStudentStart[families];
            int adultStart = familyAdultStart[families];
            for (int n = 0; n < newFamilies; n++) {
                shape(families + n, family);
                newStudentStart[n] = studentStart;
                newAdultStart[n] = adultStart;
                studentStart += family.children;
                adultStart += family.adults();
            }
        }

        @Override
        int deflateLevel() {
            return deflateLevel;
        }

        public double share() {
            return share;
        }

        @Override
        void write(Sink sink, Report report) throws IOException {
            report.kind = "delta";
            writeManifest(sink, "delta", report);
            Family family = new Family();
            long links = 0;
            for (int f = 0; f < families; f++) {
                load(f, family);
                links += (long) family.children * family.adults();
                countLinkRoles(family, report, -1, 1);
            }
            Report ignored = new Report("ignored");

            Csv users = sink.begin("users.csv", USERS_HEADER);
            long ended = 0;
            for (int f = 0; f < families; f++) {
                if (change[f] == 0) {
                    continue;
                }
                load(f, family);
                if (change[f] == SPLIT) {
                    int leaving = 1; // the second parent
                    for (int c = 0; c < family.children; c++) {
                        studentRow(users, family, c, "active", DELTA_MODIFIED, leaving, ignored);
                    }
                    adultRow(users, family, leaving, "active", DELTA_MODIFIED, 1);
                    ended += family.children;
                    report.rows.merge("links:" + family.reportedRole(leaving), (long) -family.children, Long::sum);
                    report.count("delta:splitFamilies");
                    report.count("delta:restatedUsers", family.children + 1);
                } else {
                    studentRow(users, family, 0, "tobedeleted", DELTA_MODIFIED, -1, ignored);
                    ended += family.adults();
                    for (int a = 0; a < family.adults(); a++) {
                        report.rows.merge("links:" + family.reportedRole(a), -1L, Long::sum);
                    }
                    report.count("delta:deletedStudents");
                    report.count("delta:restatedUsers", 1);
                }
            }
            long created = 0;
            for (int n = 0; n < newFamilies; n++) {
                newFamily(n, family);
                for (int c = 0; c < family.children; c++) {
                    studentRow(users, family, c, "active", DELTA_MODIFIED, -1, ignored);
                }
                for (int a = 0; a < family.adults(); a++) {
                    adultRow(users, family, a, "active", DELTA_MODIFIED, -1);
                }
                created += (long) family.children * family.adults();
                countLinkRoles(family, report, -1, 1);
                report.count("delta:newFamilies");
                report.count("delta:newUsers", family.children + family.adults());
            }
            report.rows.put("users.csv", users.rows());
            sink.end(users);

            Csv roles = sink.begin("roles.csv", ROLES_HEADER);
            for (int f = 0; f < families; f++) {
                if (change[f] == DELETE) {
                    load(f, family);
                    String id = studentId(family.studentStart);
                    roles.row("rol-" + id + "-p", "tobedeleted", DELTA_MODIFIED, id, "primary", "student",
                            "2025-09-01", "", schoolId(family.school), "");
                }
            }
            for (int n = 0; n < newFamilies; n++) {
                newFamily(n, family);
                familyRoles(roles, family, "active", DELTA_MODIFIED);
            }
            report.rows.put("roles.csv", roles.rows());
            sink.end(roles);

            Csv enrollments = sink.begin("enrollments.csv", ENROLLMENTS_HEADER);
            for (int f = 0; f < families; f++) {
                if (change[f] == DELETE) {
                    load(f, family);
                    studentEnrollments(enrollments, family, 0, "tobedeleted", DELTA_MODIFIED);
                }
            }
            for (int n = 0; n < newFamilies; n++) {
                newFamily(n, family);
                for (int c = 0; c < family.children; c++) {
                    studentEnrollments(enrollments, family, c, "active", DELTA_MODIFIED);
                }
            }
            report.rows.put("enrollments.csv", enrollments.rows());
            sink.end(enrollments);

            report.linksEnded = ended;
            report.linksCreated = created;
            report.expectedActiveLinks = links - ended + created;
            report.rows.put("delta:baseActiveLinks", links);
        }

        /** New family {@code n}: family {@code families + n} of the seed, numbered on from the bulk's last ids. */
        private void newFamily(int n, Family family) {
            shape(families + n, family);
            family.studentStart = newStudentStart[n];
            family.adultStart = newAdultStart[n];
        }
    }

    // ----------------------------------------------------------------------------------------- report

    /** What a written package holds, and the active links Kinbridge should end up with once it is imported. */
    public static final class Report {
        String kind;
        long expectedActiveLinks;
        long linksCreated;
        long linksEnded;
        long students;
        long adults;
        long teachers;
        long families;
        final Map<String, Long> rows = new LinkedHashMap<>();

        Report(String kind) {
            this.kind = kind;
        }

        void count(String key) {
            count(key, 1);
        }

        void count(String key, long n) {
            rows.merge(key, n, Long::sum);
        }

        public String kind() {
            return kind;
        }

        /** Active parent-child links after import: for a delta, after it is applied over its bulk package. */
        public long expectedActiveLinks() {
            return expectedActiveLinks;
        }

        /** A delta's links that end (split families, deleted students) and that are new (new families). */
        public long linksEnded() {
            return linksEnded;
        }

        public long linksCreated() {
            return linksCreated;
        }

        /**
         * Rows per file ({@code users.csv}) and other tallies: {@code rejected:teacher}, {@code rejected:dangling},
         * {@code links:parent|guardian|relative} (active links by reported role), and for a bulk package
         * {@code listed_on_student_row_only}, {@code listed_on_guardian_row_only}, {@code listed_on_both_rows}.
         */
        public Map<String, Long> rows() {
            return rows;
        }

        public long rows(String file) {
            return rows.getOrDefault(file, 0L);
        }

        /** Rows of users.csv, roles.csv and enrollments.csv together. */
        public long bigFileRows() {
            return rows("users.csv") + rows("roles.csv") + rows("enrollments.csv");
        }

        public long students() {
            return students;
        }

        public long adults() {
            return adults;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            String prefix = kind + ".";
            out.append(prefix).append("expectedActiveLinks=").append(expectedActiveLinks).append('\n');
            if (kind.equals("delta")) {
                out.append(prefix).append("linksEnded=").append(linksEnded).append('\n');
                out.append(prefix).append("linksCreated=").append(linksCreated).append('\n');
            } else {
                out.append(prefix).append("families=").append(families).append('\n');
                out.append(prefix).append("students=").append(students).append('\n');
                out.append(prefix).append("adults=").append(adults).append('\n');
                out.append(prefix).append("teachers=").append(teachers).append('\n');
            }
            rows.forEach((key, value) -> out.append(prefix).append(key).append('=').append(value).append('\n'));
            out.append(prefix).append("bigFileRows=").append(bigFileRows()).append('\n');
            return out.toString();
        }
    }

    // ------------------------------------------------------------------------------------------ output

    /** One CSV file being written: RFC 4180 quoting where needed, CRLF line ends, no BOM. */
    static final class Csv {
        private final Writer out;
        private long rows;

        Csv(Writer out, String header) throws IOException {
            this.out = out;
            out.write(header);
            out.write("\r\n");
        }

        void row(String... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String cell = cells[i];
                if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                        || cell.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(cell.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(cell);
                }
            }
            out.write("\r\n");
            rows++;
        }

        long rows() {
            return rows;
        }
    }

    private interface Sink extends AutoCloseable {
        Csv begin(String name, String header) throws IOException;

        void end(Csv csv) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class ZipSink implements Sink {
        private final ZipOutputStream zip;
        private final Writer writer;

        ZipSink(Path file, int level) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                zip.setLevel(level);
                this.writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Csv begin(String name, String header) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            return new Csv(writer, header);
        }

        @Override
        public void end(Csv csv) throws IOException {
            writer.flush();
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            writer.flush();
            zip.close();
        }
    }

    private static final class FolderSink implements Sink {
        private final Path folder;
        private Writer current;

        FolderSink(Path folder) {
            this.folder = folder;
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Csv begin(String name, String header) throws IOException {
            current = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
            return new Csv(current, header);
        }

        @Override
        public void end(Csv csv) throws IOException {
            current.close();
            current = null;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }

    private static final class NullSink implements Sink {
        private static final Writer NOWHERE = Writer.nullWriter();

        @Override
        public Csv begin(String name, String header) throws IOException {
            return new Csv(NOWHERE, header);
        }

        @Override
        public void end(Csv csv) {
        }

        @Override
        public void close() {
        }
    }

    // -------------------------------------------------------------------------------------------- main

    /**
     * {@code --seed=42 --students=150000 --schools=8 [--zip=FILE] [--folder=DIR] [--delta=0.01]
     * [--delta-zip=FILE] [--delta-folder=DIR] [--level=1]}; prints the reports as {@code key=value} lines.
     */
    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int students = Integer.parseInt(options.getOrDefault("students", "150000"));
        int schools = Integer.parseInt(options.getOrDefault("schools", "8"));
        int level = Integer.parseInt(options.getOrDefault("level", String.valueOf(Deflater.BEST_SPEED)));
        OneRosterGenerator generator = bulk(seed, students, schools).withDeflateLevel(level);
        long started = System.nanoTime();
        Report bulk = null;
        if (options.containsKey("zip")) {
            bulk = generator.writeZip(Path.of(options.get("zip")));
        }
        if (options.containsKey("folder")) {
            bulk = generator.writeFolder(Path.of(options.get("folder")));
        }
        System.out.print(bulk != null ? bulk : generator.report());
        if (options.containsKey("delta")) {
            Delta delta = generator.delta(Double.parseDouble(options.get("delta")));
            Report report = null;
            if (options.containsKey("delta-zip")) {
                report = delta.writeZip(Path.of(options.get("delta-zip")));
            }
            if (options.containsKey("delta-folder")) {
                report = delta.writeFolder(Path.of(options.get("delta-folder")));
            }
            if (report == null) {
                report = delta.report();
            }
            System.out.print(report);
        }
        System.out.println("generator.millis=" + (System.nanoTime() - started) / 1_000_000);
    }
}
