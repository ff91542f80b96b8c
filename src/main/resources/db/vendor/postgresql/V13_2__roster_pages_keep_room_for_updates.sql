-- A delta import rewrites a few thousand of a district's people and links in place. Pages the bulk COPY filled to
-- the brim leave no room for the new row versions, so each update moves its row to another page and adds an entry to
-- every index of the table (person has four, guardian_link two). With a tenth of each page kept free, most updates
-- stay on their page and touch no index (HOT), as long as no indexed column changes (a link's end never does).
-- Measured on a 150,000-student district: the delta's 2,366 person updates 95-190 -> 41 ms, its 4,345 link ends
-- 100-220 -> 58-65 ms; loading the district (400k people, 380k links) took as long as before, the tables are 10 %
-- larger. Pages written before this keep their fill until rewritten.
ALTER TABLE person SET (fillfactor = 90);
ALTER TABLE guardian_link SET (fillfactor = 90);
