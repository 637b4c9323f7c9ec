// Geo checks with Qdrant's edge rules: strict inequalities for the bounding box (with a box that
// crosses the antimeridian when top_left.lon > bottom_right.lon), haversine distance strictly
// below the radius, and a polygon that contains neither its boundary nor its holes.

/** Radius of the `geo` crate's haversine, the one Qdrant measures with. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export type GeoCheck = (lat: number, lon: number) => boolean;

const RADIANS = Math.PI / 180;

export function haversineMeters(a: LatLon, lat: number, lon: number): number {
  const sinLat = Math.sin(((lat - a.lat) * RADIANS) / 2);
  const sinLon = Math.sin(((lon - a.lon) * RADIANS) / 2);
  const h = sinLat * sinLat + Math.cos(a.lat * RADIANS) * Math.cos(lat * RADIANS) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

export function geoRadiusCheck(center: LatLon, radius: number): GeoCheck {
  return (lat, lon) => haversineMeters(center, lat, lon) < radius;
}

export function geoBoundingBoxCheck(topLeft: LatLon, bottomRight: LatLon): GeoCheck {
  const north = topLeft.lat;
  const south = bottomRight.lat;
  const west = topLeft.lon;
  const east = bottomRight.lon;
  if (west > east) {
    return (lat, lon) => (lon > west || lon < east) && lat > south && lat < north;
  }
  return (lat, lon) => lon > west && lon < east && lat > south && lat < north;
}

/** A closed ring as flat [lon0, lat0, lon1, lat1, ...], first point repeated last. */
type Ring = Float64Array;

function toRing(points: readonly LatLon[]): Ring {
  const ring = new Float64Array(points.length * 2);
  points.forEach((point, i) => {
    ring[2 * i] = point.lon;
    ring[2 * i + 1] = point.lat;
  });
  return ring;
}

function onBoundary(ring: Ring, x: number, y: number): boolean {
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const x1 = ring[i];
    const y1 = ring[i + 1];
    const x2 = ring[i + 2];
    const y2 = ring[i + 3];
    const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
    if (
      cross === 0 &&
      x >= Math.min(x1, x2) &&
      x <= Math.max(x1, x2) &&
      y >= Math.min(y1, y2) &&
      y <= Math.max(y1, y2)
    ) {
      return true;
    }
  }
  return false;
}

// Even-odd ray casting; points on the boundary are settled by onBoundary first.
function insideRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const x1 = ring[i];
    const y1 = ring[i + 1];
    const x2 = ring[i + 2];
    const y2 = ring[i + 3];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

export function geoPolygonCheck(
  exterior: readonly LatLon[],
  interiors: readonly (readonly LatLon[])[],
): GeoCheck {
  const outer = toRing(exterior);
  const holes = interiors.map(toRing);
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const point of exterior) {
    minLon = Math.min(minLon, point.lon);
    maxLon = Math.max(maxLon, point.lon);
    minLat = Math.min(minLat, point.lat);
    maxLat = Math.max(maxLat, point.lat);
  }
  return (lat, lon) => {
    if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
    if (onBoundary(outer, lon, lat) || !insideRing(outer, lon, lat)) return false;
    for (const hole of holes) {
      if (onBoundary(hole, lon, lat) || insideRing(hole, lon, lat)) return false;
    }
    return true;
  };
}
