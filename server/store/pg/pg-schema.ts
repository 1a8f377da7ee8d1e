// The PostgreSQL/PostGIS schema of everything the SQLite store keeps (server/store/migrations.ts,
// sqlite-device-store.ts, party/party-store.ts), as one first step: a new PostgreSQL database starts
// from the schema as it is now, not from SQLite's history. Columns keep SQLite's names and meanings
// (epoch ms as BIGINT, 0/1 flags, lng/lat in WGS-84) so the row mappers carry over; JSON is JSONB.
//
// PostGIS where spatial queries pay: areas hold their polygons as geometry (GiST: which grid a point
// is in, what lies in a box, ST_AsMVT), derived from the GeoJSON kept as imported so a round trip
// returns exactly what came in; latest fixes and located cases are points (GiST: who is in this
// grid now). Position history has no geometry column: ~115 M rows a day at city scale are written by
// COPY within the ingest budget, and a track is read by inspector and time, not by place.
//
// Position history is one partition per China Standard Time day (positions_yyyymmdd, made by
// pg-position-days.ts before a day's first fix), so retention drops whole days.

export const SCHEMA_V1 = `
CREATE TABLE areas (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  parent_code TEXT,
  geometry JSONB NOT NULL,         -- GeoJSON Polygon or MultiPolygon, WGS-84, as imported
  geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)) STORED
    CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
  extra JSONB,                     -- other properties of the imported feature
  ord INTEGER NOT NULL
);
CREATE INDEX areas_geom ON areas USING gist (geom);
CREATE INDEX areas_level ON areas (level);

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

-- Position history, down-sampled by the ingest: one row per inspector and fix time, one partition
-- per CST day (bounds in epoch ms). No default partition: a fix for a day without its partition is
-- an error, not a row parked where retention cannot drop it.
CREATE TABLE positions (
  inspector_id INTEGER NOT NULL,
  at BIGINT NOT NULL,
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  heading DOUBLE PRECISION, speed DOUBLE PRECISION, accuracy DOUBLE PRECISION, battery DOUBLE PRECISION,
  attributes JSONB,
  PRIMARY KEY (inspector_id, at)
) PARTITION BY RANGE (at);

CREATE TABLE latest_positions (
  inspector_id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  heading DOUBLE PRECISION, speed DOUBLE PRECISION, accuracy DOUBLE PRECISION, battery DOUBLE PRECISION,
  attributes JSONB,
  geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lng, lat), 4326)) STORED
);
CREATE INDEX latest_positions_geom ON latest_positions USING gist (geom);

-- 案卷号 compare byte by byte (COLLATE "C") whatever the database's locale: the last id of a day is
-- found by a range over the primary key (pg-cases.ts), which a locale's collation would reorder.
CREATE TABLE cases (
  id TEXT COLLATE "C" PRIMARY KEY,
  category_code TEXT NOT NULL, source TEXT NOT NULL, grid_code TEXT NOT NULL,
  -- A case reported by address only (待定位) has lng/lat 0, 0 with located = 0, and no point.
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  located SMALLINT NOT NULL DEFAULT 1 CHECK (located IN (0, 1)),
  geom geometry(Point, 4326) GENERATED ALWAYS AS (CASE WHEN located = 1 THEN ST_SetSRID(ST_MakePoint(lng, lat), 4326) END) STORED,
  description TEXT NOT NULL, media_url TEXT,
  media_urls JSONB,                -- every photo (the first also in media_url)
  attributes JSONB,                -- Open311 attributes
  address TEXT,
  step TEXT NOT NULL, reported_at BIGINT NOT NULL, step_at BIGINT NOT NULL,
  due_at BIGINT, step_limit_minutes DOUBLE PRECISION, deadline TEXT NOT NULL,
  rework_count INTEGER NOT NULL, reporter_id INTEGER, department TEXT,
  furthest INTEGER NOT NULL, handle_due_at BIGINT, handled_at BIGINT, closed_at BIGINT
);
CREATE INDEX cases_step ON cases (step);
CREATE INDEX cases_step_at ON cases (step_at);
CREATE INDEX cases_reported_at ON cases (reported_at);
CREATE INDEX cases_geom ON cases USING gist (geom);

CREATE TABLE case_transitions (
  case_id TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL,
  step TEXT NOT NULL, action TEXT NOT NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, note TEXT, media_url TEXT,
  PRIMARY KEY (case_id, seq)
);
CREATE INDEX case_transitions_at ON case_transitions (at);

-- Citizens' contact details, apart from the case and its history (个人信息保护法).
CREATE TABLE case_reporters (
  case_id TEXT COLLATE "C" PRIMARY KEY REFERENCES cases (id),
  first_name TEXT, last_name TEXT, phone TEXT, email TEXT, account_id TEXT, device_id TEXT,
  legacy_text TEXT
);

-- An Open311 client's own update_id with the line it added, so a retried post adds nothing.
CREATE TABLE open311_client_updates (
  case_id TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
  client_update_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (case_id, client_update_id)
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Devices of the community screen (issue #13).
CREATE TABLE devices (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
  area_code TEXT NOT NULL, grid_code TEXT NOT NULL, lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  elder_alone SMALLINT NOT NULL DEFAULT 0 CHECK (elder_alone IN (0, 1)), stream JSONB, ord INTEGER NOT NULL
);
CREATE TABLE sensor_readings (
  device_id TEXT NOT NULL, at BIGINT NOT NULL, kind TEXT NOT NULL, area_code TEXT NOT NULL,
  in_count INTEGER, out_count INTEGER, detections INTEGER, total_m3 DOUBLE PRECISION,
  alarm SMALLINT CHECK (alarm IN (0, 1)), value DOUBLE PRECISION,
  PRIMARY KEY (device_id, at)
);
CREATE INDEX sensor_readings_area ON sensor_readings (area_code, kind, at);
CREATE INDEX sensor_readings_at ON sensor_readings (at);
CREATE TABLE device_state (
  device_id TEXT PRIMARY KEY, last_at BIGINT NOT NULL, alarm SMALLINT CHECK (alarm IN (0, 1)), value DOUBLE PRECISION,
  total_m3 DOUBLE PRECISION, moved_at BIGINT
);
CREATE TABLE device_alarms (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  device_id TEXT NOT NULL, rule TEXT NOT NULL, raised_at BIGINT NOT NULL,
  cleared_at BIGINT, case_id TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX device_alarms_device ON device_alarms (device_id, id);

-- 党建引领 and the 12345 follow-ups (issue #14).
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
  lead_members JSONB NOT NULL,     -- array of names
  step TEXT NOT NULL, created_at BIGINT NOT NULL, step_at BIGINT NOT NULL, deadline_at BIGINT NOT NULL, rating TEXT
);
CREATE TABLE party_project_transitions (
  project_id TEXT NOT NULL REFERENCES party_projects (id),
  seq INTEGER NOT NULL,
  step TEXT NOT NULL, action TEXT NOT NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, note TEXT,
  PRIMARY KEY (project_id, seq)
);
CREATE TABLE hotline_follow_ups (
  case_id TEXT PRIMARY KEY,
  first_contact_at BIGINT, resolved SMALLINT CHECK (resolved IN (0, 1)), satisfaction TEXT, updated_at BIGINT NOT NULL
);
`
