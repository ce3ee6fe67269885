// RetroWalk enclosure and belt clip: parametric OpenSCAD model.
//
// Frame of this model = frame of the worn device (hardware/mounting.md, default belt mounting):
//   +X  up (the clip's hinge end; "UP" arrow on the lid)
//   +Y  to the wearer's right (follows from X up and Z forward: the sensor frame is right-handed, Y = Z x X)
//   +Z  forward, away from the belly (base/back wall at Z<0 against the body, lid in front)
// The GY-521 lies on the back wall, chip side facing +Z (the lid), so the MPU6050's +Z points forward and, with its
// silkscreen X arrow toward the UP end, its +X points up: ForwardAxis = PlusZ, the firmware default.
//
// Render: openscad -o retrowalk.png --imgsize=1400,1000 --viewall --autocenter retrowalk.scad
//         openscad -o base.stl -D 'part="base"' retrowalk.scad ; openscad -o lid.stl -D 'part="lid"' retrowalk.scad
// Print in PETG (the clip must flex; PLA creeps and cracks), 0.2 mm layers, base on its back with supports under the
// clip tongue, lid face down. Check every dimension against your own parts with calipers before printing.

/* [Which part] */
part = "exploded"; // [exploded, assembly, back, base, lid]  exploded/assembly/back are pictures in the worn frame

/* [Fit] */
wall = 2.0;        // side and back wall thickness
lid_t = 2.0;       // lid plate thickness
clear = 0.6;       // clearance around every part
gap = 2.0;         // space between neighbouring parts

/* [ESP32 DevKit (DOIT DevKit V1 30-pin ~51.5 x 28.5; DevKitC V4 ~54.4 x 27.9)] */
devkit_l = 52;     // length along X; USB end down (-X), antenna end up
devkit_w = 28.5;   // width along Y
devkit_h = 9;      // PCB 1.6 + WROOM shield 3.2 + USB/regulator; no pin headers underneath (solder wires)
devkit_usb_w = 12; // opening for the USB plug's moulding
devkit_usb_h = 7;
devkit_usb_z = 3;  // USB connector centre above the underside of the DevKit PCB

/* [GY-521 (MPU6050 module)] */
gy_l = 21;         // long side, the 8-pin header edge
gy_w = 16;         // short side
gy_h = 3.5;        // PCB + chip + parts, headers removed or bent flat
gy_rot = 0;        // 0: header edge along Y; 90: along X. Turn it so the silkscreen X arrow points to UP.
gy_frame_h = 1.6;  // locating frame on the back wall (module is held by double-sided foam tape inside it)

/* [LiPo cell (503035: 5.0 x 30 x 35 mm, ~500 mAh)] */
bat_l = 35;
bat_w = 30;
bat_t = 5.5;       // 5.0 mm cell + room to swell a little

/* [TP4056 charger/protection module (USB-C version)] */
tp_l = 28;
tp_w = 17.5;
tp_h = 5;
tp_usb_w = 11;
tp_usb_h = 6;
tp_usb_z = 3.2;    // USB-C centre above the back wall

/* [Perfboard: LDO, NPN, resistors, diode, slide switch] */
perf_l = 24;
perf_w = 17;

/* [Openings] */
button_d = 7.2;    // 7 mm panel-mount momentary push button (acknowledge / long press reset)
button_guard_h = 2;// raised ring around the button against accidental presses
led_d = 3.2;       // 3 mm LED pushed into the lid
buzzer_d = 12;     // 12 mm buzzer glued under the lid
buzzer_hole_d = 1.6;
switch_slot_l = 9; // SS12D00-type slide switch slot in the +Y wall
switch_slot_h = 4.5;

/* [Belt clip] */
belt_t = 4.5;      // belt thickness + play
clip_w = 26;       // clip tongue width
clip_t = 3;        // tongue thickness
clip_len = 45;     // tongue length from the top end down
clip_lip = 1.2;    // retaining bump at the open end

/* [Screws (4 x M2 x 6 self-tapping)] */
ear_r = 3.6;
screw_pilot_d = 1.7;
screw_clear_d = 2.3;

$fn = 40;

// ---------------------------------------------------------------- derived sizes
back_h = max(bat_t, tp_h, gy_h + gy_frame_h) + clear;          // back layer: battery, TP4056, GY-521
gy_x = gy_rot == 0 ? gy_w : gy_l;                               // GY-521 footprint along X
gy_y = gy_rot == 0 ? gy_l : gy_w;
in_l = max(bat_l + gap + gy_x, devkit_l, buzzer_d + gap + perf_l + 14) + 2 * clear;
in_w = max(bat_w + gap + tp_w, gy_y, devkit_w + gap + perf_w) + 2 * clear;  // TP4056 beside the cell, GY-521 beyond its end
in_h = back_h + devkit_h + 3;                                   // front layer + room under the lid
out_l = in_l + 2 * wall;
out_w = in_w + 2 * wall;

// Part positions (inner-box coordinates: origin at the inner bottom/right/back corner)
bat_pos = [clear, clear, 0];
gy_pos = [clear + bat_l + gap, clear, 0];
tp_pos = [clear, in_w - clear - tp_w, 0];
devkit_pos = [clear, clear, back_h];
perf_pos = [clear + buzzer_d + gap + 2, clear + devkit_w + gap, back_h];
buzzer_c = [clear + buzzer_d / 2 + 1, clear + devkit_w + gap + perf_w / 2];
button_c = [in_l - 9, clear + devkit_w + gap + perf_w / 2];
led_c = [in_l - 6, clear + devkit_w / 2];

echo(str("RetroWalk enclosure outside: ", out_l, " x ", out_w, " x ", in_h + wall + lid_t, " mm (+ clip ",
         belt_t + clip_t, " mm)"));

// ---------------------------------------------------------------- helpers
module rounded_box(l, w, h, r = 2) {
    hull() for (x = [r, l - r], y = [r, w - r]) translate([x, y, 0]) cylinder(r = r, h = h);
}

module ears(h, d) {
    for (x = [-wall, in_l + wall], y = [-wall, in_w + wall])
        translate([x, y, 0]) difference() {
            cylinder(r = ear_r, h = h);
            if (d > 0) translate([0, 0, -1]) cylinder(d = d, h = h + 2);
        }
}

// ---------------------------------------------------------------- base: back wall, side walls, clip
module base() {
    color("whitesmoke") difference() {
        union() {
            translate([-wall, -wall, -wall]) rounded_box(out_l, out_w, in_h + wall);
            translate([0, 0, -wall]) ears(in_h + wall, 0);
        }
        // cavity
        translate([0, 0, 0]) cube([in_l, in_w, in_h + 1]);
        // screw pilots
        translate([0, 0, -wall + 1.2]) ears_holes(in_h + wall, screw_pilot_d);
        // bottom wall (-X): DevKit USB and TP4056 USB-C
        translate([-wall - 1, devkit_pos[1] + devkit_w / 2 - devkit_usb_w / 2, back_h + devkit_usb_z - devkit_usb_h / 2])
            cube([wall + 2, devkit_usb_w, devkit_usb_h]);
        translate([-wall - 1, tp_pos[1] + tp_w / 2 - tp_usb_w / 2, tp_usb_z - tp_usb_h / 2])
            cube([wall + 2, tp_usb_w, tp_usb_h]);
        // +Y wall: power slide switch
        translate([perf_pos[0] + perf_l / 2 - switch_slot_l / 2, in_w - 1, back_h + 2])
            cube([switch_slot_l, wall + 2, switch_slot_h]);
        // "TOP" note engraved on the top wall
        // letters read from the front: text x -> device -Y, text y -> device -Z, cut into the +X wall
        translate([in_l + wall - 0.6, in_w / 2, in_h / 2]) multmatrix([[0, 0, 1, 0], [-1, 0, 0, 0], [0, -1, 0, 0], [0, 0, 0, 1]])
            linear_extrude(1) text("TOP", size = 4, halign = "center", valign = "center");
    }
    gy521_frame();
    battery_rails();
    color("darkorange") belt_clip();   // colour only shows in the pictures
}

module ears_holes(h, d) {
    for (x = [-wall, in_l + wall], y = [-wall, in_w + wall]) translate([x, y, 0]) cylinder(d = d, h = h + 2);
}

// Locating frame for the GY-521 on the back wall: it fixes the sensor to the body of the case, so the MPU6050 moves
// with the belt, not with the wires.
module gy521_frame() {
    t = 1.2;
    translate(gy_pos) difference() {
        translate([-t, -t, 0]) cube([gy_x + 2 * t + clear, gy_y + 2 * t + clear, gy_frame_h]);
        translate([0, 0, -1]) cube([gy_x + clear, gy_y + clear, gy_frame_h + 2]);
        // slot for the header wires on the edge that faces the DevKit layer
        translate([gy_rot == 0 ? -t - 1 : 2, gy_rot == 0 ? 2 : gy_y + clear - 1, -1])
            cube([gy_rot == 0 ? t + 2 : gy_x - 4, gy_rot == 0 ? gy_y - 4 : t + 2, gy_frame_h + 2]);
    }
    // "X ↑" reminder on the floor of the frame
    translate([gy_pos[0] + gy_x / 2, gy_pos[1] + gy_y / 2, 0])
        linear_extrude(0.4) text("X^", size = 4, halign = "center", valign = "center");
}

module battery_rails() {
    h = 2;
    translate([bat_pos[0] + bat_l + clear, bat_pos[1] + 4, 0]) cube([1.2, bat_w - 8, h]);
}

// Belt clip on the back: hinge at the top (+X), open at the bottom, slides down over the belt.
module belt_clip() {
    spine_l = 8;
    z0 = -wall - belt_t;
    translate([in_l + wall - spine_l, in_w / 2 - clip_w / 2, z0 - clip_t]) {
        cube([spine_l, clip_w, belt_t + clip_t + 0.01]);                     // spine joining the back wall
        translate([spine_l - clip_len, 0, 0]) cube([clip_len, clip_w, clip_t]); // tongue
        translate([spine_l - clip_len, 0, clip_t - 0.01])                      // retaining lip
            rotate([0, 90, 0]) translate([-clip_lip, 0, 0]) cube([clip_lip, clip_w, 4]);
    }
}

// ---------------------------------------------------------------- lid: button, LED, buzzer holes, UP arrow
module lid() {
    difference() {
        union() {
            translate([-wall, -wall, 0]) rounded_box(out_l, out_w, lid_t);
            ears(lid_t, 0);
            // locating lip inside the walls
            translate([0.3, 0.3, -2]) difference() {
                cube([in_l - 0.6, in_w - 0.6, 2]);
                translate([1.2, 1.2, -1]) cube([in_l - 3, in_w - 3, 4]);
            }
            // guard ring around the button
            translate([button_c[0], button_c[1], lid_t]) difference() {
                cylinder(d = button_d + 8, h = button_guard_h);
                translate([0, 0, -1]) cylinder(d = button_d + 3, h = button_guard_h + 2);
            }
            // ribs that hold the DevKit down
            for (y = [devkit_pos[1] + 3, devkit_pos[1] + devkit_w - 5])
                translate([devkit_pos[0] + 10, y, -(in_h - back_h - devkit_h)]) cube([devkit_l - 24, 2, in_h - back_h - devkit_h]);
        }
        translate([0, 0, -1]) ears_holes(lid_t + 1, screw_clear_d);
        translate([button_c[0], button_c[1], -5]) cylinder(d = button_d, h = 20);
        translate([led_c[0], led_c[1], -5]) cylinder(d = led_d, h = 20);
        for (a = [0:60:359]) translate([buzzer_c[0] + 3.5 * cos(a), buzzer_c[1] + 3.5 * sin(a), -5])
            cylinder(d = buzzer_hole_d, h = 20);
        translate([buzzer_c[0], buzzer_c[1], -5]) cylinder(d = buzzer_hole_d, h = 20);
        // UP arrow and label engraved on the front face
        translate([in_l / 2 - 4, in_w * 0.38, lid_t - 0.6]) linear_extrude(1) {
            polygon([[10, 0], [2, 5], [2, 2], [-8, 2], [-8, -2], [2, -2], [2, -5]]);
            translate([-2, -9]) rotate(-90) text("UP", size = 5, halign = "center", valign = "center");
        }
    }
}

// ---------------------------------------------------------------- stand-in parts for the pictures
module parts() {
    color("gold") translate(bat_pos) cube([bat_l, bat_w, bat_t - 0.5]);
    color("royalblue") translate(gy_pos + [clear / 2, clear / 2, 0.4]) cube([gy_x, gy_y, 1.6]);
    color("black") translate(gy_pos + [gy_x / 2 - 2, gy_y / 2 - 2, 2]) cube([4, 4, 0.9]);
    color("steelblue") translate(tp_pos) cube([tp_l, tp_w, 1.6]);
    color("silver") translate(tp_pos + [-0.5, tp_w / 2 - 4.5, 1.6]) cube([7.5, 9, 3.2]);
    color("darkslategray") translate(devkit_pos) cube([devkit_l, devkit_w, 1.6]);
    color("silver") translate(devkit_pos + [devkit_l - 25.5, devkit_w / 2 - 9, 1.6]) cube([18, 18, 3.2]);
    color("silver") translate(devkit_pos + [-0.5, devkit_w / 2 - 4, 1.6]) cube([6, 8, 3]);
    color("tan") translate(perf_pos) cube([perf_l, perf_w, 1.6]);
}

module lid_parts() {   // glued or held under the lid
    color("dimgray") translate([buzzer_c[0], buzzer_c[1], -9.5]) cylinder(d = buzzer_d, h = 9.5);
    color("red") translate([led_c[0], led_c[1], -5]) cylinder(d = 3, h = 5);
    color("black") translate([button_c[0], button_c[1], -10]) cylinder(d = 9, h = 10);
}

// Device axes as worn (default belt mounting): red +X up, green +Y wearer's right, blue +Z forward.
module axes(len = 30) {
    module arrow(c) color(c) { cylinder(d = 2, h = len); translate([0, 0, len]) cylinder(d1 = 5, d2 = 0, h = 7); }
    rotate([0, 90, 0]) arrow("red");
    rotate([-90, 0, 0]) arrow("green");
    arrow("blue");
}

// Pictures are drawn in the worn frame: world Z = device +X (up), world -Y = device +Z (towards the viewer = forward
// of the wearer), world -X = device +Y (the wearer's right appears on the viewer's left, as when facing the wearer).
module worn() {
    multmatrix([[0, -1, 0, 0], [0, 0, -1, 0], [1, 0, 0, 0], [0, 0, 0, 1]]) children();
}

// ---------------------------------------------------------------- what to show
if (part == "base") {
    base();
} else if (part == "lid") {
    rotate([180, 0, 0]) lid();
} else if (part == "assembly" || part == "back") {
    worn() {
        base();
        parts();
        translate([0, 0, in_h]) { color("lightgray") lid(); lid_parts(); }
        translate([-wall - 40, -wall - 8, 0]) axes();
    }
} else {
    // exploded: the lid lifted forward and set beside the base (towards the wearer's left)
    worn() {
        base();
        parts();
        translate([0, in_w + 2 * wall + 2 * ear_r + 8, in_h + 25]) { color("lightgray") lid(); lid_parts(); }
        translate([-wall - 40, -wall - 8, 0]) axes();
    }
}
