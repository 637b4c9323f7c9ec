import { geoBoundingBoxCheck, geoPolygonCheck, geoRadiusCheck, haversineMeters } from './geo';

const berlin = { lat: 52.520008, lon: 13.404954 };
const moscow = { lat: 55.755826, lon: 37.6173 };

describe('haversineMeters', () => {
  it('measures Berlin to Moscow (about 1609 km)', () => {
    const meters = haversineMeters(berlin, moscow.lat, moscow.lon);
    expect(meters / 1000).toBeCloseTo(1609, -1);
  });

  it('is zero at the centre', () => {
    expect(haversineMeters(berlin, berlin.lat, berlin.lon)).toBe(0);
  });
});

describe('geoRadiusCheck', () => {
  const near = geoRadiusCheck({ lat: 52.511, lon: 13.423637 }, 2000);

  it('holds strictly inside the radius', () => {
    expect(near(berlin.lat, berlin.lon)).toBe(true);
    expect(near(moscow.lat, moscow.lon)).toBe(false);
    const exact = haversineMeters({ lat: 0, lon: 0 }, 0, 1);
    expect(geoRadiusCheck({ lat: 0, lon: 0 }, exact)(0, 1)).toBe(false);
  });
});

describe('geoBoundingBoxCheck', () => {
  it('holds strictly inside the box', () => {
    const box = geoBoundingBoxCheck({ lat: 53, lon: 13 }, { lat: 52, lon: 14 });
    expect(box(52.5, 13.4)).toBe(true);
    expect(box(53, 13.4)).toBe(false);
    expect(box(52.5, 14)).toBe(false);
    expect(box(55, 13.4)).toBe(false);
  });

  it('crosses the antimeridian when the west edge is east of the east edge', () => {
    const box = geoBoundingBoxCheck({ lat: 10, lon: 170 }, { lat: -10, lon: -170 });
    expect(box(0, 175)).toBe(true);
    expect(box(0, -175)).toBe(true);
    expect(box(0, 0)).toBe(false);
  });
});

describe('geoPolygonCheck', () => {
  const square = [
    { lon: 0, lat: 0 },
    { lon: 10, lat: 0 },
    { lon: 10, lat: 10 },
    { lon: 0, lat: 10 },
    { lon: 0, lat: 0 },
  ];
  const hole = [
    { lon: 4, lat: 4 },
    { lon: 6, lat: 4 },
    { lon: 6, lat: 6 },
    { lon: 4, lat: 6 },
    { lon: 4, lat: 4 },
  ];
  const polygon = geoPolygonCheck(square, [hole]);

  it('contains its inside but not its holes', () => {
    expect(polygon(2, 2)).toBe(true);
    expect(polygon(5, 5)).toBe(false);
    expect(polygon(5, 8)).toBe(true);
    expect(polygon(11, 5)).toBe(false);
  });

  it('contains neither its boundary nor the boundary of a hole', () => {
    expect(polygon(0, 5)).toBe(false);
    expect(polygon(10, 10)).toBe(false);
    expect(polygon(4, 5)).toBe(false);
  });

  it('handles a concave ring', () => {
    const notch = geoPolygonCheck(
      [
        { lon: 0, lat: 0 },
        { lon: 10, lat: 0 },
        { lon: 10, lat: 10 },
        { lon: 5, lat: 5 },
        { lon: 0, lat: 10 },
        { lon: 0, lat: 0 },
      ],
      [],
    );
    expect(notch(2, 5)).toBe(true);
    expect(notch(8, 5)).toBe(false);
  });
});
