// Schema migrations, applied in order inside one transaction each; PRAGMA user_version records how
// far a database has come. Append new steps; never edit a released one.
import type Database from 'better-sqlite3'
import { splitPositionsByDay } from './split-positions-by-day'

/** SQL, or code for a step SQL cannot say (e.g. tables named from the data). */
export type Migration = string | ((db: Database.Database) => void)

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE areas (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
    parent_code TEXT,
    geometry TEXT NOT NULL,          -- GeoJSON Polygon or MultiPolygon, WGS-84
    extra TEXT,                      -- other properties of the imported feature, JSON
    ord INTEGER NOT NULL
  );
  CREATE TABLE area_profiles (
    code TEXT PRIMARY KEY,
    residents INTEGER NOT NULL, households INTEGER NOT NULL, party_members INTEGER NOT NULL,
    party_branches INTEGER NOT NULL, grid_workers INTEGER NOT NULL, volunteers INTEGER NOT NULL,
    elders INTEGER NOT NULL, service_points INTEGER NOT NULL
  );
  CREATE TABLE inspectors (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    grid_code TEXT NOT NULL
  );
  -- Position history, down-sampled by the ingest; one row per inspector and fix time.
  CREATE TABLE positions (
    inspector_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    lng REAL NOT NULL, lat REAL NOT NULL, heading REAL, speed REAL, accuracy REAL, battery REAL,
    attributes TEXT,
    PRIMARY KEY (inspector_id, at)
  ) WITHOUT ROWID;
  CREATE INDEX positions_at ON positions (at);
  CREATE TABLE latest_positions (
    inspector_id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    lng REAL NOT NULL, lat REAL NOT NULL, heading REAL, speed REAL, accuracy REAL, battery REAL,
    attributes TEXT
  );
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    category_code TEXT NOT NULL, source TEXT NOT NULL, grid_code TEXT NOT NULL,
    lng REAL NOT NULL, lat REAL NOT NULL, description TEXT NOT NULL, media_url TEXT,
    step TEXT NOT NULL, reported_at INTEGER NOT NULL, step_at INTEGER NOT NULL,
    due_at INTEGER, step_limit_minutes REAL, deadline TEXT NOT NULL,
    rework_count INTEGER NOT NULL, reporter_id INTEGER, department TEXT,
    furthest INTEGER NOT NULL, handle_due_at INTEGER, handled_at INTEGER, closed_at INTEGER
  );
  CREATE INDEX cases_step ON cases (step);
  CREATE INDEX cases_step_at ON cases (step_at);
  CREATE TABLE case_transitions (
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
    step TEXT NOT NULL, action TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL, note TEXT,
    PRIMARY KEY (case_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // Citizens' contact details leave the case history: they were folded into the report's actor
  // ("市民 张三（电话 …；邮箱 …）") and shown on walls. The old text moves here whole, apart from the case.
  `
  CREATE TABLE case_reporters (
    case_id TEXT PRIMARY KEY REFERENCES cases (id),
    first_name TEXT, last_name TEXT, phone TEXT, email TEXT, account_id TEXT, device_id TEXT,
    legacy_text TEXT                 -- the actor text of reports stored before this table existed
  ) WITHOUT ROWID;
  INSERT INTO case_reporters (case_id, legacy_text)
    SELECT case_id, actor FROM case_transitions WHERE action = 'report' AND actor LIKE '市民%（%';
  UPDATE case_transitions SET actor = '市民' WHERE action = 'report' AND actor LIKE '市民%（%';
  `,
  // Position history in one table per CST day, so retention drops whole days (issue #15).
  splitPositionsByDay,
  // A citizen's comment may carry a photo (Open311 servicerequestupdates, issue #10).
  `ALTER TABLE case_transitions ADD COLUMN media_url TEXT;`,
  // Open311 servicerequestupdates (issue #10): lines of case histories are read by time, and a
  // client's own update_id is remembered with the line it added, so a retried post adds nothing.
  `
  CREATE INDEX case_transitions_at ON case_transitions (at);
  CREATE TABLE open311_client_updates (
    case_id TEXT NOT NULL REFERENCES cases (id),
    client_update_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (case_id, client_update_id)
  ) WITHOUT ROWID;
  `,
  // Open311 service requests keep all they came with (issue #10): every photo (JSON array, the first
  // still in media_url), the attributes (JSON object) and address_string. GET requests reads cases
  // from here by report time, closed ones long gone from memory included.
  `
  ALTER TABLE cases ADD COLUMN media_urls TEXT;
  ALTER TABLE cases ADD COLUMN attributes TEXT;
  ALTER TABLE cases ADD COLUMN address TEXT;
  UPDATE cases SET media_urls = json_array(media_url) WHERE media_url IS NOT NULL;
  CREATE INDEX cases_reported_at ON cases (reported_at);
  `,
  // A case reported by address only (待定位) has no point yet: lng/lat stay NOT NULL (0, 0) and this
  // says they mean nothing (dropping NOT NULL would rebuild a table three others reference).
  `ALTER TABLE cases ADD COLUMN located INTEGER NOT NULL DEFAULT 1 CHECK (located IN (0, 1));`,
  // Devices of the community screen (issue #13): the registry, every reading (one row per device and
  // reading time, so a redelivered MQTT message or a re-posted callback is a duplicate, not counted
  // twice), each device's latest state, and the alarms its readings raised (with the case each opened).
  `
  CREATE TABLE devices (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    area_code TEXT NOT NULL, grid_code TEXT NOT NULL, lng REAL NOT NULL, lat REAL NOT NULL,
    elder_alone INTEGER NOT NULL DEFAULT 0, stream TEXT, ord INTEGER NOT NULL
  );
  CREATE TABLE sensor_readings (
    device_id TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, area_code TEXT NOT NULL,
    in_count INTEGER, out_count INTEGER, detections INTEGER, total_m3 REAL, alarm INTEGER, value REAL,
    PRIMARY KEY (device_id, at)
  ) WITHOUT ROWID;
  CREATE INDEX sensor_readings_area ON sensor_readings (area_code, kind, at);
  CREATE INDEX sensor_readings_at ON sensor_readings (at);
  CREATE TABLE device_state (
    device_id TEXT PRIMARY KEY, last_at INTEGER NOT NULL, alarm INTEGER, value REAL,
    total_m3 REAL, moved_at INTEGER
  );
  CREATE TABLE device_alarms (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, rule TEXT NOT NULL, raised_at INTEGER NOT NULL,
    cleared_at INTEGER, case_id TEXT NOT NULL, text TEXT NOT NULL
  );
  CREATE INDEX device_alarms_device ON device_alarms (device_id, id);
  `,
  // 党建引领 and the 12345 follow-ups (issue #14): the party organisations, 党员领办 projects with their
  // history, and each 12345 case's 先行联系 / 实际解决 / 满意度, beside the case rather than on it.
  `
  CREATE TABLE party_orgs (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('streetWorkCommittee', 'communityCommittee', 'gridGeneralBranch', 'estateBranch', 'buildingGroup')),
    parent_code TEXT, area_code TEXT NOT NULL, place TEXT, secretary TEXT NOT NULL,
    members_employed INTEGER NOT NULL, members_resident INTEGER NOT NULL, members_stationed INTEGER NOT NULL,
    vanguard_posts INTEGER NOT NULL, double_reported INTEGER NOT NULL,
    ord INTEGER NOT NULL
  );
  CREATE TABLE party_projects (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL, description TEXT NOT NULL, origin TEXT NOT NULL CHECK (origin IN ('case', 'own')), case_id TEXT,
    branch_code TEXT NOT NULL, branch_name TEXT NOT NULL, grid_code TEXT NOT NULL,
    lead_members TEXT NOT NULL,      -- JSON array of names
    step TEXT NOT NULL, created_at INTEGER NOT NULL, step_at INTEGER NOT NULL, deadline_at INTEGER NOT NULL, rating TEXT
  );
  CREATE TABLE party_project_transitions (
    project_id TEXT NOT NULL REFERENCES party_projects (id),
    seq INTEGER NOT NULL,
    step TEXT NOT NULL, action TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL, note TEXT,
    PRIMARY KEY (project_id, seq)
  ) WITHOUT ROWID;
  -- A 12345 case's 先行联系 / 实际解决 / 满意度, beside the case rather than on it.
  CREATE TABLE hotline_follow_ups (
    case_id TEXT PRIMARY KEY,
    first_contact_at INTEGER, resolved INTEGER CHECK (resolved IN (0, 1)), satisfaction TEXT, updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
]
